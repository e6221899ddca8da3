package export

import (
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// deferralUnkept is, of words of the user's that put their issue off to a
// time that passed with nothing done on it (deferralMissedIn), and that
// the quote (the words quoted) cut before that time, what they had
// promised and that the issue is still to do: "I told Nadia “happy to
// look at it in August”; it is still to do", as the issue's story tells
// it. A quote cut there ("… so moving this to the backlog …") hints at
// the promise, and the engineer must not meet it first in Jira. "" when
// the promise was kept, is quoted, or the issue is no longer to do.
func (v *view) deferralUnkept(e *evidence.Evidence, quoted string) string {
	if e.IssueStatusCategory != evidence.StatusNew {
		return ""
	}
	if _, missed := v.deferralMissedIn(e); !missed {
		return ""
	}
	put := putOffTo(v.whole(e))
	if put == "" || strings.Contains(quoted, put) {
		return ""
	}
	d, _ := declinedIn(e)
	return toldPutOff(d.to, put)
}

// toldPutOff says what the user told a person (to; "" when their words
// name nobody) of when they would come back to work they put off (put),
// and that it is still to do.
func toldPutOff(to, put string) string {
	if to == "" {
		return "I wrote “" + put + "”; it is still to do"
	}
	return "I told " + to + " “" + put + "”; it is still to do"
}

// updateOwed owns, in a story's result, work the user put off and has not
// come back to, as the engineer would say it in the room: "I owe Nadia
// an update on it"; "saying where it stands is on my list" when the
// words name nobody (to "").
func updateOwed(to string) string {
	if to == "" {
		return "saying where it stands is on my list"
	}
	return "I owe " + to + " an update on it"
}
