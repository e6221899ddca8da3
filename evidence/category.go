package evidence

import (
	"fmt"
	"strings"
)

// Category is one kind of PM work (taxonomy.md). Its ID is a public contract.
// Every wording an export uses for a category is here, in one table, so
// that the headline, the bullets, the stories and the evidence summaries say
// the same thing the same way.
type Category struct {
	ID         string
	Title      string // for headings: "Stakeholder communication"
	Competency string // the quality hiring managers look for, e.g. "Communication"
	// Suggestion is what the user could do to produce evidence of this kind
	// when they have none yet.
	Suggestion string

	// Count is what a claim about this category counts.
	Count CountUnit
	// ClaimOne and ClaimMany say a count as a first-person claim, without
	// the "I": "wrote 1 story or spec", "wrote %d stories and specs".
	ClaimOne, ClaimMany string
	// EditPhrase summarises the field edits of this kind on some issues,
	// "%s" standing for "14 issues": "refined %s".
	EditPhrase string
	// StoryTask is the part of an initiative this kind of work was, in a
	// story's Task: "deciding what came first".
	StoryTask string
	// StoryAction is the verb of one action in a story, before an issue
	// key: "Recorded a decision on".
	StoryAction string
	// StoryCreated is the verb of the action when it is creating the issue,
	// where StoryAction would misread it: "Filed the incident follow-up".
	StoryCreated string
	// StoryQuestion is the behavioural interview question this kind of work
	// answers: "a time you handled conflicting priorities".
	StoryQuestion string
}

// CountUnit is what a claim about a category counts.
type CountUnit int

const (
	// CountItems counts evidence items: each one is a separate act (an
	// update posted, a decision recorded), so counting them is honest.
	CountItems CountUnit = iota
	// CountIssues counts distinct issues: several items on one issue (the
	// estimate and the acceptance criteria of one story) are still one
	// story groomed, and saying more would overclaim.
	CountIssues
	// CountEpics counts distinct epics: epic-ownership evidence sits on the
	// epic itself or on its children, and all of it is one initiative.
	CountEpics
)

// Claim says n in the category's words, singular or plural: "wrote 1
// story or spec", "wrote 3 stories and specs". A category without wording
// of its own (a user's, from a rules file) counts items under its id.
func (c Category) Claim(n int) string {
	one, many := c.ClaimOne, c.ClaimMany
	if one == "" || many == "" {
		one, many = "recorded 1 "+c.ID+" item", "recorded %d "+strings.ReplaceAll(c.ID, "%", "%%")+" items"
	}
	if n == 1 {
		return one
	}
	// %d in the wording is the count, written as prose writes it: "1,830".
	return fmt.Sprintf(strings.Replace(many, "%d", "%s", 1), Count(n))
}

// Edits summarises field edits on what, "14 issues": "refined 14 issues".
func (c Category) Edits(what string) string {
	if c.EditPhrase == "" {
		return "changed " + what
	}
	return fmt.Sprintf(c.EditPhrase, what)
}

// Built-in category ids.
const (
	CatStoryWriting      = "story-writing"
	CatBacklogGrooming   = "backlog-grooming"
	CatPrioritization    = "prioritization"
	CatSprintPlanning    = "sprint-planning"
	CatReleasePlanning   = "release-planning"
	CatStakeholderComms  = "stakeholder-communication"
	CatUnblocking        = "unblocking"
	CatCrossTeam         = "cross-team-coordination"
	CatDecisionMaking    = "decision-making"
	CatEpicOwnership     = "epic-ownership"
	CatAcceptanceTesting = "acceptance-testing"
	CatIncidentCoord     = "incident-coordination"
)

// Competencies in the order exports show them (taxonomy.md).
var Competencies = []string{
	"Communication",
	"Organization",
	"Ownership and bias to action",
	"Product judgment",
	"Working across teams",
}

// Categories are the twelve built-in categories, in taxonomy order. Story
// writing counts issues rather than items: a story is an issue, and a rule
// that also credits a later rewrite of its description must not make one
// story two.
var Categories = []Category{
	{
		ID: CatStoryWriting, Title: "Story writing", Competency: "Organization",
		Suggestion: "Write the next story for your team yourself: a user-story sentence, the problem, and acceptance criteria.",
		Count:      CountIssues, ClaimOne: "wrote 1 story or spec", ClaimMany: "wrote %d stories and specs",
		EditPhrase: "rewrote %s", StoryTask: "turning the need into stories the team could build", StoryAction: "Wrote the story",
		StoryQuestion: "a time you turned a vague problem into a plan a team could build",
	},
	{
		ID: CatBacklogGrooming, Title: "Backlog grooming", Competency: "Organization",
		Suggestion: "Join or run backlog refinement: estimate, add acceptance criteria, link items to their epics, close duplicates.",
		Count:      CountIssues, ClaimOne: "groomed 1 backlog item", ClaimMany: "groomed %d backlog items",
		EditPhrase: "refined %s", StoryTask: "keeping the backlog ready to work on", StoryAction: "Groomed",
		StoryQuestion: "a time you brought order to a messy backlog",
	},
	{
		ID: CatPrioritization, Title: "Prioritization", Competency: "Product judgment",
		Suggestion: "Propose an order for the top of the backlog and argue the trade-offs in a comment; set priorities and rank.",
		Count:      CountIssues, ClaimOne: "prioritized 1 backlog item", ClaimMany: "prioritized %d backlog items",
		EditPhrase: "re-prioritized or re-ranked %s", StoryTask: "deciding what came first", StoryAction: "Prioritized",
		StoryQuestion: "a time you handled conflicting priorities",
	},
	{
		ID: CatSprintPlanning, Title: "Sprint planning", Competency: "Organization",
		Suggestion: "Shape the next sprint: pull items in or out, and write down the sprint goal and capacity.",
		Count:      CountIssues, ClaimOne: "shaped sprint scope for 1 issue", ClaimMany: "shaped sprint scope for %d issues",
		EditPhrase: "moved %s into or out of sprints", StoryTask: "shaping what went into each sprint", StoryAction: "Shaped the sprint scope of",
		StoryQuestion: "a time you cut scope to fit capacity",
	},
	{
		ID: CatReleasePlanning, Title: "Release planning", Competency: "Organization",
		Suggestion: "Set fix versions for the next release and write its notes or go/no-go summary.",
		Count:      CountIssues, ClaimOne: "planned 1 issue into a release", ClaimMany: "planned %d issues into releases",
		EditPhrase: "set the target release of %s", StoryTask: "planning what shipped in which release", StoryAction: "Planned the release of",
		StoryQuestion: "a time you delivered against a deadline",
	},
	{
		ID: CatStakeholderComms, Title: "Stakeholder communication", Competency: "Communication",
		Suggestion: "Post a short weekly status update (progress, risks, ETA) on the epic you care most about.",
		Count:      CountItems, ClaimOne: "posted 1 stakeholder update", ClaimMany: "posted %d stakeholder updates",
		EditPhrase: "updated %s for stakeholders", StoryTask: "keeping stakeholders informed", StoryAction: "Updated stakeholders on",
		StoryQuestion: "a time you kept stakeholders aligned",
	},
	{
		ID: CatUnblocking, Title: "Unblocking others", Competency: "Ownership and bias to action",
		Suggestion: "Watch for flagged or blocked tickets of teammates and clear what stops them: answers, access, decisions.",
		Count:      CountIssues, ClaimOne: "unblocked 1 issue for a teammate", ClaimMany: "unblocked %d issues for teammates",
		EditPhrase: "cleared the block on %s", StoryTask: "clearing what blocked teammates", StoryAction: "Unblocked",
		StoryQuestion: "a time you helped your team get unstuck",
	},
	{
		ID: CatCrossTeam, Title: "Cross-team coordination", Competency: "Working across teams",
		Suggestion: "Link your work to the other teams' tickets it depends on and arrange the hand-offs in their projects.",
		Count:      CountIssues, ClaimOne: "coordinated 1 issue across teams", ClaimMany: "coordinated %d issues across teams",
		EditPhrase: "linked %s to other teams' work", StoryTask: "aligning the work with other teams", StoryAction: "Coordinated with another team on",
		StoryQuestion: "a time you influenced without authority",
	},
	{
		ID: CatDecisionMaking, Title: "Decision-making", Competency: "Communication",
		Suggestion: "Record the next scope decision in the ticket: the options, what was decided and why.",
		Count:      CountItems, ClaimOne: "recorded 1 product decision", ClaimMany: "recorded %d product decisions",
		EditPhrase: "resolved %s with a decision", StoryTask: "making and recording the scope decisions", StoryAction: "Recorded a decision on",
		StoryQuestion: "a time you made a difficult trade-off",
	},
	{
		ID: CatEpicOwnership, Title: "Epic ownership", Competency: "Ownership and bias to action",
		Suggestion: "Take an initiative end to end: create the epic, write its goal and success metric, and shape its children.",
		Count:      CountEpics, ClaimOne: "owned 1 epic", ClaimMany: "owned %d epics",
		EditPhrase: "updated the status or goals of %s", StoryTask: "owning the initiative", StoryAction: "Shaped the epic",
		StoryQuestion: "a time you owned something end to end",
	},
	{
		ID: CatAcceptanceTesting, Title: "Acceptance testing", Competency: "Product judgment",
		Suggestion: "Verify a teammate's delivered story against its acceptance criteria and record the result before closing it.",
		Count:      CountIssues, ClaimOne: "tested 1 delivered issue", ClaimMany: "tested %d delivered issues",
		EditPhrase: "closed %s as verified", StoryTask: "checking delivered work against the need", StoryAction: "Verified",
		StoryQuestion: "a time you held a high bar for quality",
	},
	{
		ID: CatIncidentCoord, Title: "Incident coordination", Competency: "Ownership and bias to action",
		Suggestion: "During the next incident, post the status, impact and next-update time, then create the follow-up actions.",
		Count:      CountIssues, ClaimOne: "led the response to 1 incident", ClaimMany: "led the response to %d incidents",
		EditPhrase: "updated %s during incidents", StoryTask: "coordinating the response when things broke", StoryAction: "Coordinated the incident on",
		StoryCreated: "Filed the incident follow-up", StoryQuestion: "a time you stayed calm under pressure",
	},
}

// CategoryByID returns the built-in category with that id.
func CategoryByID(id string) (Category, bool) {
	for _, c := range Categories {
		if c.ID == id {
			return c, true
		}
	}
	return Category{}, false
}
