package markup

import (
	"cmp"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

// adfNode is one node of an Atlassian Document Format document, the JSON
// Jira Cloud's REST API v3 gives for descriptions, comments and worklogs.
type adfNode struct {
	Type    string          `json:"type"`
	Text    string          `json:"text"`
	Attrs   json.RawMessage `json:"attrs"`
	Content []adfNode       `json:"content"`
}

// adfMaxDepth bounds how deep a document is read: a hostile one nests
// without end, real ones a dozen levels at most.
const adfMaxDepth = 64

// LooksLikeADF reports whether text may be an ADF document rather than
// wiki markup: a JSON object. Wiki markup hardly ever starts with `{"`; a
// text that does and is not a document of type "doc" is read as markup.
func LooksLikeADF(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n")
	if len(t) < 2 || t[0] != '{' {
		return false
	}
	return strings.HasPrefix(strings.TrimLeft(t[1:], " \t\r\n"), `"`)
}

// ADFText turns an ADF document into plain text as PlainText turns wiki
// markup: only the author's own words, on one line. Code blocks, block
// quotes, media and extensions are dropped; mentions become "@user"; a
// heading ends with ":"; links keep their text.
func ADFText(doc []byte) (string, error) {
	var root adfNode
	if err := json.Unmarshal(doc, &root); err != nil {
		return "", err
	}
	if root.Type != "doc" {
		return "", fmt.Errorf("not an ADF document: type %q", root.Type)
	}
	plain, _ := plainWiki(adfToWiki(&root))
	return plain, nil
}

// adfToWiki writes a document as the wiki markup that means the same to
// PlainText, one block per line, so that both formats go through the same
// line rules (stack traces, pasted e-mail, flag notes). Text that would read
// as markup is not escaped: PlainText only drops markup, never adds words.
func adfToWiki(root *adfNode) string {
	var b strings.Builder
	var walk func(n *adfNode, depth int)
	walk = func(n *adfNode, depth int) {
		if depth > adfMaxDepth {
			return
		}
		switch n.Type {
		case "codeBlock", "blockquote", "media", "mediaSingle", "mediaGroup", "mediaInline",
			"extension", "bodiedExtension", "inlineExtension", "placeholder":
			b.WriteByte('\n')
			return
		case "text":
			// A text node never holds a line break; one in hostile input
			// must not start a line that reads as markup.
			b.WriteString(strings.NewReplacer("\n", " ", "\r", " ").Replace(n.Text))
			return
		case "hardBreak":
			b.WriteByte('\n')
			return
		case "mention":
			// The account id, kept as wiki markup keeps it, names the
			// person in a quote (KeepMentions); nothing that could
			// end the link passes.
			id := strings.Map(func(r rune) rune {
				if r == ']' || r == '|' || r == '[' || unicode.IsSpace(r) {
					return -1
				}
				return r
			}, adfAttr(n.Attrs, "id"))
			b.WriteString("[~accountid:" + cmp.Or(id, "adf") + "]")
			return
		case "emoji":
			b.WriteString(adfAttr(n.Attrs, "text"))
			return
		case "status":
			b.WriteString(adfAttr(n.Attrs, "text"))
			return
		case "inlineCard", "blockCard", "embedCard":
			b.WriteString(adfAttr(n.Attrs, "url"))
			b.WriteByte(' ')
			return
		case "rule":
			b.WriteString("\n----\n")
			return
		case "heading":
			b.WriteString("\nh3. ")
		case "paragraph", "listItem", "tableRow", "taskItem", "decisionItem", "panel", "expand", "nestedExpand":
			b.WriteByte('\n')
		case "tableCell", "tableHeader":
			b.WriteByte(' ')
		}
		for i := range n.Content {
			walk(&n.Content[i], depth+1)
		}
		if n.Type == "heading" || n.Type == "paragraph" {
			b.WriteByte('\n')
		}
	}
	walk(root, 0)
	return b.String()
}

// adfAttr reads one string attribute of a node.
func adfAttr(raw json.RawMessage, name string) string {
	if len(raw) == 0 {
		return ""
	}
	var attrs map[string]any
	if json.Unmarshal(raw, &attrs) != nil {
		return ""
	}
	s, _ := attrs[name].(string)
	return s
}
