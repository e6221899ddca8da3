// Package markup reads what people wrote in Jira: wiki markup and Atlassian
// Document Format turned into plain text with only the author's own words,
// the text helpers rules and excerpts share, and who a comment speaks to
// (mentions, and which earlier comment it answers).
package markup
