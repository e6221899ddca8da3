package export

import (
	"regexp"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// sponsorWords is what another person's reply says of an initiative the
// user proposed or closed.
type sponsorWords int

const (
	// handsOver grants the initiative or commits support to it: "Please
	// take this forward, I will support from my side".
	handsOver sponsorWords = iota
	// recognises praises its result or says what comes of it: "Well done
	// Priya and team. Will present this in the quarterly ops review."
	recognises
)

// sponsorPhrases are the phrases of each kind, as a manager or a product
// owner writes them. "Can you take this forward to the next sprint?" asks,
// and "I can take this next sprint" volunteers: neither hands anything
// over.
var sponsorPhrases = []struct {
	says   sponsorWords
	phrase *regexp.Regexp
}{
	{handsOver, regexp.MustCompile(`(?i)\btake (?:this|it) forward\b`)},
	{handsOver, regexp.MustCompile(`(?i)\b(?:happy|glad) for you to (?:drive|lead|own|run)\b`)},
	{handsOver, regexp.MustCompile(`(?i)\b(?:please|you) (?:drive|lead|own) (?:this|it)\b`)},
	{handsOver, regexp.MustCompile(`(?i)\bI(?:['’]ll| will) (?:support|back)\b`)},
	{handsOver, regexp.MustCompile(`(?i)\bI(?:['’]ll| will) (?:protect|keep|make) (?:the )?(?:capacity|room|time)\b`)},
	{handsOver, regexp.MustCompile(`(?i)\byou have my (?:full )?support\b`)},
	{recognises, regexp.MustCompile(`(?i)\bwell done\b`)},
	{recognises, regexp.MustCompile(`(?i)\b(?:great|good|nice|excellent|brilliant|fantastic|amazing) (?:job|work|result|outcome)s?\b`)},
	{recognises, regexp.MustCompile(`(?i)\b(?:congrat(?:s|ulations)|kudos)\b`)},
	{recognises, regexp.MustCompile(`(?i)\b(?:will|I['’]ll|going to) (?:present|showcase|share) (?:this|it|these|the results?)\b`)},
}

// praised is the name a greeting or praise is said to: "Well done Marco",
// "Thanks Dev,", "Good initiative Priya".
var praised = regexp.MustCompile(`(?i:\b(?:hi|hey|hello|thanks|thank you|well done|congrat(?:s|ulations)|kudos|(?:great|good|nice) (?:job|work|initiative|idea)))[,!]?\s+(?:to\s+)?(\p{Lu}\p{Ll}+)`)

// sponsorSays reports what a reply to the user (first: their first name)
// says of their initiative, by the first phrase of sponsorPhrases it
// holds, of kind want. It says nothing when the sentence of that phrase
// asks or negates ("Not sure I can support this"), when the reply takes
// something back ("I'll support it, but not this quarter"), or when it is
// said to someone else by name ("Well done Marco").
func sponsorSays(reply, first string, want sponsorWords) bool {
	reply = evidence.OneLine(reply)
	if objection.MatchString(reply) || saidToOther(reply, first) {
		return false
	}
	for _, p := range sponsorPhrases {
		at := p.phrase.FindStringIndex(reply)
		if p.says != want || at == nil {
			continue
		}
		sentence := sentenceAround(reply, at[0], at[1])
		if !strings.HasSuffix(sentence, "?") && !negated.MatchString(sentence) {
			return true
		}
	}
	return false
}

// saidToOther reports whether a reply greets or praises by name someone
// other than the user (first: their first name).
func saidToOther(reply, first string) bool {
	for _, m := range praised.FindAllStringSubmatch(reply, -1) {
		if name := m[1]; !strings.EqualFold(name, first) && !groupWords[strings.ToLower(name)] {
			return true
		}
	}
	return false
}

// groupWords address everyone, the user among them: "Well done all".
var groupWords = map[string]bool{"all": true, "team": true, "everyone": true, "folks": true, "guys": true, "both": true}

// sentenceAround is the sentence of text that holds text[from:to],
// with its closing mark.
func sentenceAround(text string, from, to int) string {
	start := strings.LastIndexAny(text[:from], ".!?") + 1
	end := len(text)
	if i := strings.IndexAny(text[to:], ".!?"); i >= 0 {
		end = to + i + 1
	}
	return strings.TrimSpace(text[start:end])
}
