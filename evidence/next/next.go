// Package next finds the PM work on a team's backlog that nobody is doing
// (`pmfolio next`): stories in the sprint with no acceptance criteria, stale
// blocked issues, unanswered questions, epics with no progress note… Each
// detector is a small rule with an id, defined in data (next.yaml, which a
// user can override: thresholds, weights, off) and checked by one small
// function of the same id. Rank orders what they find by how much it blocks
// the team and by the user's competency gaps, and says why.
package next

import (
	_ "embed"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pmfolio/pmfolio/evidence"
)

//go:embed next.yaml
var builtinYAML []byte

// BuiltinYAML is the built-in detector file, for `pmfolio next --help` and
// docs.
func BuiltinYAML() []byte { return slices.Clone(builtinYAML) }

// Detector is one rule of next.yaml, after a user's overrides.
type Detector struct {
	ID         string   `yaml:"id"`
	Category   string   `yaml:"category"`
	Weight     float64  `yaml:"weight"`
	Days       float64  `yaml:"days"`
	Working    bool     `yaml:"working"`
	Similarity float64  `yaml:"similarity"`
	Over       float64  `yaml:"over"`
	Types      []string `yaml:"types"`
	Reason     string   `yaml:"reason"`
	Action     string   `yaml:"action"`
	Off        bool     `yaml:"off"`
}

// Ranking are the weights Rank gives each factor.
type Ranking struct {
	BlockedBehind float64 `yaml:"blocked-behind"`
	ActiveSprint  float64 `yaml:"active-sprint"`
	NextSprint    float64 `yaml:"next-sprint"`
	AgePerWeek    float64 `yaml:"age-per-week"`
	Watcher       float64 `yaml:"watcher"`
	Gap           float64 `yaml:"gap"`
	// YourVersion is for a release that shipped without an issue whose
	// fix version the user's own change set: their own plan slipped.
	YourVersion float64 `yaml:"your-version"`
}

// Config is the detectors in force and the ranking weights.
type Config struct {
	Ranking   Ranking
	Detectors []Detector
}

// Detector returns the detector with that id.
func (c Config) Detector(id string) (Detector, bool) {
	for _, d := range c.Detectors {
		if d.ID == id {
			return d, true
		}
	}
	return Detector{}, false
}

// file is next.yaml's shape; overrides use pointers so that a key left out
// keeps the built-in value.
type file struct {
	Version   int            `yaml:"version"`
	Ranking   map[string]any `yaml:"ranking"`
	Detectors []yaml.Node    `yaml:"detectors"`
}

// Load reads the built-in detectors and applies a user's overrides (YAML in
// the same format; nil for none). An override names a built-in detector by
// id and gives only the keys it changes; an unknown id or key is an error,
// so a typo does not silently do nothing.
func Load(user []byte) (Config, error) {
	var cfg Config
	var base file
	if err := yaml.Unmarshal(builtinYAML, &base); err != nil {
		return cfg, fmt.Errorf("built-in detectors: %w", err)
	}
	rankNode, err := yaml.Marshal(base.Ranking)
	if err != nil {
		return cfg, err
	}
	if err := yaml.Unmarshal(rankNode, &cfg.Ranking); err != nil {
		return cfg, fmt.Errorf("built-in ranking: %w", err)
	}
	for _, n := range base.Detectors {
		var d Detector
		if err := n.Decode(&d); err != nil {
			return cfg, fmt.Errorf("built-in detector: %w", err)
		}
		if _, ok := checks[d.ID]; !ok {
			return cfg, fmt.Errorf("built-in detector %s has no check", d.ID)
		}
		cfg.Detectors = append(cfg.Detectors, d)
	}
	if len(strings.TrimSpace(string(user))) == 0 {
		return cfg, cfg.validate()
	}
	var top yaml.Node
	if err := yaml.Unmarshal(user, &top); err == nil && len(top.Content) == 1 && top.Content[0].Kind == yaml.MappingNode {
		m := top.Content[0]
		for j := 0; j < len(m.Content); j += 2 {
			if err := knownKey("next", m.Content[j].Value, file{}); err != nil {
				return cfg, err
			}
		}
	}
	var over file
	dec := yaml.NewDecoder(strings.NewReader(string(user)))
	dec.KnownFields(true)
	if err := dec.Decode(&over); err != nil {
		return cfg, fmt.Errorf("next detectors: %w", err)
	}
	if len(over.Ranking) > 0 {
		for key := range over.Ranking {
			if err := knownKey("next ranking", key, Ranking{}); err != nil {
				return cfg, err
			}
		}
		b, _ := yaml.Marshal(over.Ranking)
		rdec := yaml.NewDecoder(strings.NewReader(string(b)))
		rdec.KnownFields(true)
		if err := rdec.Decode(&cfg.Ranking); err != nil {
			return cfg, fmt.Errorf("next ranking: %w", err)
		}
	}
	for _, n := range over.Detectors {
		var head struct {
			ID string `yaml:"id"`
		}
		if err := n.Decode(&head); err != nil || head.ID == "" {
			return cfg, errors.New("next detectors: each override needs the id of a detector")
		}
		i := slices.IndexFunc(cfg.Detectors, func(d Detector) bool { return d.ID == head.ID })
		if i < 0 {
			ids := make([]string, len(cfg.Detectors))
			for j, d := range cfg.Detectors {
				ids[j] = d.ID
			}
			return cfg, &UnknownError{Where: "next detectors", What: "detector", Name: head.ID, Known: ids}
		}
		if n.Kind == yaml.MappingNode {
			for j := 0; j < len(n.Content); j += 2 {
				if err := knownKey("next detector "+head.ID, n.Content[j].Value, Detector{}); err != nil {
					return cfg, err
				}
			}
		}
		// Decoding onto the built-in value replaces only the keys given.
		b, _ := yaml.Marshal(&n)
		ddec := yaml.NewDecoder(strings.NewReader(string(b)))
		ddec.KnownFields(true)
		if err := ddec.Decode(&cfg.Detectors[i]); err != nil {
			return cfg, fmt.Errorf("next detector %s: %w", head.ID, err)
		}
	}
	return cfg, cfg.validate()
}

// UnknownError is a name in the user's overrides that names nothing: a
// detector id, or a key of a detector or of the ranking. Known are the
// names there are, for the message and a "did you mean".
type UnknownError struct {
	Where string // "next detectors", "next detector blocked.stale", "next ranking"
	What  string // "detector" or "key"
	Name  string
	Known []string
}

func (e *UnknownError) Error() string {
	return fmt.Sprintf("%s: unknown %s %q", e.Where, e.What, e.Name)
}

// knownKey checks that key is one of the YAML keys of the struct v.
func knownKey(where, key string, v any) error {
	t := reflect.TypeOf(v)
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name == key {
			return nil
		}
		keys = append(keys, name)
	}
	return &UnknownError{Where: where, What: "key", Name: key, Known: keys}
}

// validate checks what a detector needs to mean something.
func (c Config) validate() error {
	for _, d := range c.Detectors {
		if d.ID != strings.TrimSpace(d.ID) || d.ID == "" {
			return fmt.Errorf("next detector %q: bad id", d.ID)
		}
		if _, ok := evidence.CategoryByID(d.Category); !ok {
			return fmt.Errorf("next detector %s: unknown category %q", d.ID, d.Category)
		}
		if d.Days < 0 || d.Weight < 0 || d.Similarity < 0 || d.Similarity > 1 || d.Over < 0 {
			return fmt.Errorf("next detector %s: days, weight and over must not be negative, similarity must be within 0..1", d.ID)
		}
	}
	return nil
}
