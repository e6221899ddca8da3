package next

import (
	"cmp"
	"regexp"

	"github.com/pmfolio/pmfolio/evidence"
)

// A team that writes in German, Spanish, French, Portuguese, Italian,
// Dutch, Polish, Japanese or Chinese writes its criteria, metrics and
// root causes in its own words: the detectors read those besides
// evidence's English ones, so as not to ask for what is written.
var (
	// criteriaHeading names acceptance criteria, as evidence's English
	// "Acceptance criteria" heading does.
	criteriaHeading = regexp.MustCompile(`(?im)^\W{0,12}(?:h\d\.\s*)?(?:akzeptanzkriterien|abnahmekriterien|akzeptanzbedingungen|criterios de aceptaci[oó]n|crit[eè]res d'acceptation|crit[eé]rios de aceita[cç][aã]o|criteri di accettazione|acceptatiecriteria|kryteria akceptacji|受け入れ条件|受入条件|受け入れ基準|完了条件|验收标准|验收条件|驗收標準)`)
	// givenLocal and thenLocal are Gherkin's Given and Then, as its
	// translations spell them.
	givenLocal = regexp.MustCompile(`(?im)^\W{0,4}(?:angenommen|gegeben sei|dado|dada|étant donné|dato|data|gegeven|zakładając)(?:[\s,:]|$)|^\W{0,4}(?:前提|假如|假设)`)
	thenLocal  = regexp.MustCompile(`(?im)^\W{0,4}(?:dann|entonces|alors|então|allora|dan|wtedy)(?:[\s,:]|$)|^\W{0,4}(?:ならば|那么)`)
	// metricHeading names how success is measured.
	metricHeading = regexp.MustCompile(`(?im)^\W{0,12}(?:h\d\.\s*)?(?:erfolgskriterien|erfolgsmetriken|erfolgsmessung|kennzahlen|m[eé]tricas de [eé]xito|criterios de [eé]xito|crit[eè]res de succ[eè]s|indicateurs de succ[eè]s|m[eé]triques de succ[eè]s|m[eé]tricas de sucesso|crit[eé]rios de sucesso|criteri di successo|metriche di successo|succescriteria|kryteria sukcesu|成功指標|成功の指標|成功基準|成功标准|成功指标)`)
	// rootCauseLocal says a root cause or a postmortem is written down.
	rootCauseLocal = regexp.MustCompile(`(?i)ursachenanalyse|grundursache|fehlerursache|causa ra[ií]z|an[aá]lisis de causa|cause racine|cause premi[eè]re|retour d'exp[eé]rience|causa principale|causa radice|grondoorzaak|oorzaakanalyse|przyczyna źródłowa|根本原因|ポストモーテム|事後分析|复盘|事后分析|根因`)
)

// statesCriteria reports whether a story's text states acceptance
// criteria, in English (evidence.HasAcceptanceCriteria) or another
// language.
func statesCriteria(text string) bool {
	return evidence.HasAcceptanceCriteria(text) || criteriaHeading.MatchString(text) ||
		givenLocal.MatchString(text) && thenLocal.MatchString(text)
}

// statesMetric reports whether an epic's text says how its success is
// measured, in English (evidence.HasSuccessMetric) or another language.
func statesMetric(text string) bool {
	return evidence.HasSuccessMetric(text) || metricHeading.MatchString(text)
}

// metricIn is what an epic's description states under its success-metric
// heading, in English (evidence.SuccessMetric) or another language, or "".
func metricIn(description string) string {
	return cmp.Or(evidence.SuccessMetric(description), evidence.UnderHeading(description, metricHeading))
}

// statesRootCause reports whether an incident's text names a postmortem
// or its root cause, in English or another language.
func statesRootCause(text string) bool {
	return postmortemWords.MatchString(text) || rootCauseLocal.MatchString(text)
}
