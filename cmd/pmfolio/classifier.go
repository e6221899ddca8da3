package main

import "github.com/pmfolio/pmfolio/evidence"

// classifier is the classification in force: the built-in rules, with the
// user's rules file (--rules or the config's rules:) applied on top.
func (g *globals) classifier(cfg fileConfig) (evidence.ClassifyFunc, error) {
	if path := g.rulesPath(cfg); path != "" {
		return nil, usageError("rules files are not supported yet (%s)", path)
	}
	return evidence.Classify, nil
}
