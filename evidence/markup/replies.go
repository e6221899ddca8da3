package markup

import (
	"sort"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// answerBurst is how far apart the comments of one answer in several parts
// may be: a comment days after the user's own answer starts something new.
const answerBurst = time.Hour

// WithReplies returns the activities of one issue with InReplyTo set on each
// comment that answers another: the latest earlier comment by someone the
// comment mentions, else the latest earlier comment by someone else if it
// is at most evidence.ReplyWindow old; either way only if the comment's own
// author has not spoken since, except within answerBurst of each other (an
// answer may take several comments): "FYI [~mei]" days after answering Mei's
// question answers nothing. The input is not modified.
func WithReplies(acts []evidence.Activity) []evidence.Activity {
	var comments []int
	for i := range acts {
		if acts[i].Source == evidence.SourceComment {
			comments = append(comments, i)
		}
	}
	if len(comments) < 2 {
		return acts
	}
	sort.SliceStable(comments, func(a, b int) bool { return acts[comments[a]].At.Before(acts[comments[b]].At) })
	out := make([]evidence.Activity, len(acts))
	copy(out, acts)
	for k, i := range comments {
		c := &out[i]
		c.InReplyTo = nil
		at := -1
		last := c.At
		for j := k - 1; j >= 0; j-- { // someone the comment mentions
			p := &acts[comments[j]]
			if p.Author.Is(c.Author) {
				if last.Sub(p.At) <= answerBurst {
					last = p.At // an answer in several comments
					continue
				}
				break // the author spoke since: this starts something new
			}
			if Mentions(c.Text, p.Author) {
				at = j
				break
			}
		}
		last = c.At
		for j := k - 1; j >= 0 && at < 0; j-- { // else whoever spoke last
			p := &acts[comments[j]]
			if p.Author.ID != "" && !p.Author.Is(c.Author) {
				if c.At.Sub(p.At) <= evidence.ReplyWindow {
					at = j
				}
			} else if p.Author.ID != "" && last.Sub(p.At) <= answerBurst {
				last = p.At // an answer in several comments
				continue
			}
			break
		}
		if at >= 0 {
			p := acts[comments[at]]
			p.InReplyTo = nil
			c.InReplyTo = &p
		}
	}
	return out
}

// Mentions reports whether text (wiki markup or ADF) mentions u.
func Mentions(text string, u evidence.User) bool {
	if u.ID == "" || !strings.Contains(text, "~") && !strings.Contains(text, `"mention"`) {
		return false
	}
	for _, ref := range []string{"[~accountid:" + u.ID + "]", "[~" + u.ID + "]", `"id":"` + u.ID + `"`} {
		if strings.Contains(text, ref) {
			return true
		}
	}
	return u.Name != "" && strings.Contains(text, "[~"+u.Name+"]")
}
