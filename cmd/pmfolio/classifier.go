package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/pmfolio/pmfolio/evidence/rules"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
)

// ruleSet is the classification in force: the built-in rules with the
// user's rules file (--rules, else the config's rules:) applied. A broken
// file stops the command with the first problem and where it is: running on
// with some of the user's rules dropped would quietly change the portfolio.
func (g *globals) ruleSet(cfg fileConfig) (*rules.RuleSet, error) {
	path := g.rulesPath(cfg)
	if g.rulesFlag == "" && path != "" && !filepath.IsAbs(path) {
		// A config file's rules: is relative to the config file.
		path = filepath.Join(filepath.Dir(configPath(g.configFlag, g.io.Getenv)), path)
	}
	rs, err := rules.LoadRulesFile(path)
	var broken *rules.RulesError
	switch {
	case errors.As(err, &broken):
		msg := broken.Problems[0].String()
		if n := len(broken.Problems) - 1; n > 0 {
			msg += fmt.Sprintf(" (and %s)", plural(n, "more problem"))
		}
		return nil, &userError{Kind: kindConfig, Message: "rules file is broken: " + msg, Err: err,
			Hint: "run 'pmfolio rules check " + path + "' to see every problem; nothing was changed"}
	case errors.Is(err, fs.ErrNotExist):
		return nil, &userError{Kind: kindConfig, Message: "no rules file at " + path, Err: err,
			Hint: "check --rules or the rules: entry of the config file"}
	case err != nil:
		return nil, err
	}
	return rs, nil
}

// classifierOf is a rule set as the store keeps it.
func classifierOf(rs *rules.RuleSet) sqlite.Classifier {
	return sqlite.Classifier{Classify: rs.Classify, Identity: rs.Identity(), Categories: rs.Categories()}
}
