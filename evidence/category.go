package evidence

// Category is one kind of PM work (taxonomy.md). Its ID is a public contract.
type Category struct {
	ID         string
	Title      string // for headings: "Stakeholder communication"
	Competency string // the quality hiring managers look for, e.g. "Communication"
	// Suggestion is what the user could do to produce evidence of this kind
	// when they have none yet.
	Suggestion string
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

// Categories are the twelve built-in categories, in taxonomy order.
var Categories = []Category{
	{CatStoryWriting, "Story writing", "Organization",
		"Write the next story for your team yourself: a user-story sentence, the problem, and acceptance criteria."},
	{CatBacklogGrooming, "Backlog grooming", "Organization",
		"Join or run backlog refinement: estimate, add acceptance criteria, link items to their epics, close duplicates."},
	{CatPrioritization, "Prioritization", "Product judgment",
		"Propose an order for the top of the backlog and argue the trade-offs in a comment; set priorities and rank."},
	{CatSprintPlanning, "Sprint planning", "Organization",
		"Shape the next sprint: pull items in or out, and write down the sprint goal and capacity."},
	{CatReleasePlanning, "Release planning", "Organization",
		"Set fix versions for the next release and write its notes or go/no-go summary."},
	{CatStakeholderComms, "Stakeholder communication", "Communication",
		"Post a short weekly status update (progress, risks, ETA) on the epic you care most about."},
	{CatUnblocking, "Unblocking others", "Ownership and bias to action",
		"Watch for flagged or blocked tickets of teammates and clear what stops them: answers, access, decisions."},
	{CatCrossTeam, "Cross-team coordination", "Working across teams",
		"Link your work to the other teams' tickets it depends on and arrange the hand-offs in their projects."},
	{CatDecisionMaking, "Decision-making", "Communication",
		"Record the next scope decision in the ticket: the options, what was decided and why."},
	{CatEpicOwnership, "Epic ownership", "Ownership and bias to action",
		"Take an initiative end to end: create the epic, write its goal and success metric, and shape its children."},
	{CatAcceptanceTesting, "Acceptance testing", "Product judgment",
		"Verify a teammate's delivered story against its acceptance criteria and record the result before closing it."},
	{CatIncidentCoord, "Incident coordination", "Ownership and bias to action",
		"During the next incident, post the status, impact and next-update time, then create the follow-up actions."},
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
