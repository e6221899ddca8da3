package main

import (
	"testing"
)

// Ana Ribeiro is her squad's unofficial PM: `pmfolio next` raises what she
// would act on first, her own initiative and promise gone quiet too, and
// nothing of other teams' work or of work that is done or moving.
func TestMobileEngineerIsToldThePMWorkNobodyDoes(t *testing.T) {
	t.Parallel()
	view := viewPitanga(t)
	checkShows(t, []shown{
		// A Highest bug in the sprint's first week, nobody on it, 22
		// support tickets: not left for the sprint's last week.
		{"next leaves the top-priority bug nobody took to the sprint's last week", entryOf(view.nextAll, "MOB-928"),
			"Highest priority bug in the running sprint (MOB Sprint 56, ends Mon 14 Dec), not started and with nobody on it; Mariana Rocha wrote on 1 Dec: “22 tickets now”"},
		{"next does not ask for an owner today, nor to tell support", entryOf(view.nextAll, "MOB-928"),
			"do: Find it an owner at stand-up today, and tell Mariana Rocha who has it"},
		// Her own epic, quiet since 14 Oct, its first child in no sprint.
		{"next leaves out her own epic gone quiet", entryOf(view.nextAll, "MOB-931"),
			"why: epic in progress with no progress note for 7 weeks (the last comment, by you on 14 Oct:"},
		{"next does not ask her for her own epic's note and its next child's sprint", entryOf(view.nextAll, "MOB-931"),
			"do: Post a progress note on your epic: what is done, what is next, risks, and a date; then plan MOB-932 (“Pix Parcelado: eligibility check at checkout”) into a sprint, as none of the epic's work is in one"},
		// "sim, I'll write it up with the acceptance bits by 14/11", to
		// Rafael on 4 Nov; the story is as thin as it was.
		{"next leaves out her own promise whose date has passed", entryOf(view.nextAll, "MOB-933"),
			"why: you wrote on 4 Nov “sim, I'll write it up with the acceptance bits by 14/11”, and 4 weeks later it is still To Do, in no sprint, with no word since"},
		{"next does not ask her to keep her promise or give a new date", entryOf(view.nextAll, "MOB-933"),
			"do: Write it up with the acceptance bits, or tell Rafael Souza a new date: “by 14/11” has passed"},
		{"next does not show keeping her promise to write the story up as story writing", entryOf(view.nextAll, "MOB-933"), "shows: Story writing"},
		// "the carousel can wait a sprint", on MOB-896 on 12 Aug, a minute
		// before she ranked MOB-898 lower; it is still To Do, untouched
		// since, and Pedro Santos, who filed it, has heard nothing
		// (review 37 finding 2).
		{"next leaves out the work her priority call made wait a sprint", entryOf(view.nextAll, "MOB-898"),
			"why: you wrote on MOB-896 on 12 Aug “'where is my order' is 22% of support tickets, the carousel can wait a sprint”, and 4 months later it is still To Do, in no sprint, with no word since"},
		// The do-line says how long the wait has lasted, not "as “a
		// sprint” has passed", as if a length of time were a date, and
		// names the work as she did; MOB-936, which she let wait a
		// sprint for Rafael Souza on 9 Oct, is told apart (review 37
		// round 2 finding 4).
		{"next does not ask her to tell whoever filed it where it stands", entryOf(view.nextAll, "MOB-898"),
			"do: Tell Pedro Santos where the carousel stands: you said on 12 Aug it could wait a sprint, and 4 months have passed; plan it into a sprint, or close it and say why"},
		{"next does not ask her to tell Rafael Souza where the work she let wait stands", entryOf(view.nextAll, "MOB-936"),
			"do: Tell Rafael Souza where “Order history: filter by store” stands: you said on 9 Oct it could wait a sprint, and 7 weeks have passed; plan it into a sprint, or close it and say why"},
		// "ok let's ship without dark mode, we revisit after launch", on
		// 4 Aug, and she closed MOB-887 a minute later; its epic's last
		// release, 5.3, shipped on 22 Sep, the epic was done on 27 Oct,
		// and nobody has written on it since.
		{"next leaves out the dark mode she said she would revisit after launch", entryOf(view.nextAll, "MOB-887"),
			"why: you wrote on 4 Aug “ok let's ship without dark mode, we revisit after launch” and closed it as Won't Do; its epic “Checkout that doesn't crash” shipped in 5.3 on 22 Sep and was done on 27 Oct, with no word on it since"},
		{"next does not ask her to reopen it or tell whoever filed it", entryOf(view.nextAll, "MOB-887"),
			"do: You said on 4 Aug you'd revisit “Dark mode for the new payment screen” after launch; 5.3 shipped on 22 Sep and nobody has: reopen it or tell Lucas Oliveira it stays closed"},
		{"next does not show telling him as stakeholder communication", entryOf(view.nextAll, "MOB-898"), "shows: Stakeholder communication"},
		{"next chases the blocker it cannot see as if it knew it had an assignee", entryOf(view.nextAll, "MOB-929"),
			"do: Chase the blocker PLAT-1533: pmfolio cannot see it, so ask Bruno Almeida (PLAT) who has it and for a date, post it here and tell Juliana Costa"},
		// Her incident, run on a Bug, left a follow-up in Platform's
		// backlog: "From the mobile crash on 30/07", and since August only
		// "in the backlog, not this quarter probably".
		{"next leaves out her incident's follow-up in another team's backlog", entryOf(view.nextAll, "PLAT-1532"),
			"why: follow-up of MOB-888 (“App closes when opening order history (Android, 5.2.0)”), open for 4 months with no word for 3 months"},
		{"next does not quote Platform's last word on the follow-up", entryOf(view.nextAll, "PLAT-1532"),
			"(the last, Bruno Almeida's of 20 Aug: “in the backlog, not this quarter probably”)"},
		{"next does not ask whoever answered for Platform about its follow-up", entryOf(view.nextAll, "PLAT-1532"),
			"do: Ask Bruno Almeida whether it is still needed to keep the incident from happening again: if so, find it an owner and a date and post it on MOB-888; if not, close it and say why"},
	})
	// Her wait call is her word: its silence is hers to break.
	checkHides(t, []shown{{"next lists the work her call made wait lower for its silence", entryOf(view.nextAll, "MOB-898"), "listed lower"}})
	// The gap lift ("Work that builds Ownership… is listed higher") raised
	// a blocker chase and a story's question above it before.
	if first := firstEntry(view.next); first != "MOB-928" {
		t.Errorf("next lists %s first, want the Highest Pix bug nobody has, MOB-928", first)
	}
	// Done, moving, answered, or another team's: nothing to do.
	for _, key := range []string{"MOB-934", "MOB-935", "MKT-97", "MKT-96", "CS-411", "MOB-881"} {
		checkHides(t, []shown{{"next raises " + key, view.nextAll, key + " "}})
	}
	if t.Failed() {
		t.Logf("next --all:\n%s", view.nextAll)
	}
}
