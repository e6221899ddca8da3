package next

import (
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// TestProjectVoice: who answers for another team's project is whom the
// user's own words and issues show answering for it, not whoever wrote
// last on an issue the user filed there.
func TestProjectVoice(t *testing.T) {
	felix := evidence.User{ID: "felix", DisplayName: "Felix Braun"}
	// filed is the user's follow-up in PAY, not started, that Felix has.
	filed := func(comments ...evidence.Comment) TeamIssue {
		return TeamIssue{Issue: evidence.Issue{ID: "PAY-823", Key: "PAY-823", Project: "PAY", Status: "To Do",
			StatusCategory: evidence.StatusNew, Reporter: me, Assignee: felix, Created: days(100)}, Comments: comments}
	}
	// ops is a team issue with the user's comments on it.
	ops := func(comments ...evidence.Comment) TeamIssue {
		is := story("OPS-1")
		is.Comments = comments
		return is
	}
	for _, tc := range []struct {
		name    string
		project string
		issues  []TeamIssue
		yours   []TeamIssue
		synced  []TeamIssue
		want    string
	}{
		{name: "an unkept promise there is no voice; whom the user names writing of the project is", project: "PAY",
			yours:  []TeamIssue{filed(comment(felix, days(90), "Will pick this up next sprint"))},
			issues: []TeamIssue{ops(comment(me, days(120), "looking. @Jun Park can you roll back PAY?"))},
			want:   "Jun Park"},
		{name: "whom the user names most, on issues of the project or naming it, beats the last to write", project: "PAY",
			yours: []TeamIssue{filed(comment(felix, days(2), "Looks fine from our side"))},
			synced: []TeamIssue{
				{Issue: evidence.Issue{ID: "CHK-1413", Key: "CHK-1413", Project: "CHK"}, Comments: []evidence.Comment{
					comment(me, days(200), "PAY vault can't tokenize Amex yet. Jun thinks late Q3.")}},
				{Issue: evidence.Issue{ID: "PAY-822", Key: "PAY-822", Project: "PAY"}, Comments: []evidence.Comment{
					comment(me, days(80), "Thanks Jun, we move off v1 by Nov 14")}},
			},
			want: "Jun Park"},
		{name: "who answered on the user's issue speaks for it when nobody is named", project: "PAY",
			yours: []TeamIssue{filed(comment(felix, days(2), "Looks fine from our side"))},
			want:  "Felix Braun"},
		{name: "a name written of another project does not count", project: "PAY",
			issues: []TeamIssue{ops(comment(me, days(3), "Jun, can you review OPS-3?"))},
			want:   ""},
		{name: "one of the team is no voice", project: "PAY",
			issues: []TeamIssue{ops()},
			yours:  []TeamIssue{filed(comment(tomas, days(2), "Looks fine from our side"))},
			want:   ""},
		{name: "a project of the team's own has none", project: "OPS",
			issues: []TeamIssue{ops(comment(me, days(3), "@Jun Park for OPS, can you look?"))},
			want:   ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			team := Team{Site: site, Issues: tc.issues, Yours: tc.yours, Synced: tc.synced, Now: now,
				People: []string{"Felix Braun", "Jun Park", "Maya", "Tomás"}}
			if got := team.projectVoice(tc.project); got != tc.want {
				t.Errorf("projectVoice(%s) = %q, want %q", tc.project, got, tc.want)
			}
		})
	}
}
