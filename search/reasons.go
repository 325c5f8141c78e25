package search

import (
	"strconv"
	"strings"
)

// Codes of the reasons the classifier gives for not keeping a value it
// found (Label.ReasonCode of Document.NotKept). Each has an English
// template in NotKeptReasons; the web interface renders it in the page's
// language from the code and Label.ReasonArgs.
const (
	// ReasonBelowScore: the score (arg 0) is below the minimum (arg 1).
	ReasonBelowScore = "below_score"
	// ReasonFewTerms: fewer distinct terms (arg 0) than the rules need.
	ReasonFewTerms = "few_terms"
	// ReasonFewMentions: too few body mentions.
	ReasonFewMentions = "few_mentions"
	// ReasonBelowShare: the score (arg 0) is below a share (arg 1, a
	// percentage) of the strongest value's.
	ReasonBelowShare = "below_share"
	// ReasonBeyondMax: beyond the number of values kept (arg 0).
	ReasonBeyondMax = "beyond_max"
	// ReasonDemonymOnly: a country found only through a demonym or its
	// capital.
	ReasonDemonymOnly = "demonym_only"
	// ReasonDestination: a country named mostly as a destination (arg 0
	// of arg 1 mentions).
	ReasonDestination = "destination"
	// ReasonTitleOnly: a country named in the title only.
	ReasonTitleOnly = "title_only"
	// ReasonAfterLead: a country first named after the lead of a long
	// report.
	ReasonAfterLead = "after_lead"
	// ReasonRegionMember: one of arg 0 countries of a region the REG
	// value stands for.
	ReasonRegionMember = "region_member"
	// ReasonWorldMember: one of arg 0 countries, from arg 1 continents,
	// of a worldwide list the GLB value stands for.
	ReasonWorldMember = "world_member"
)

// NotKeptReasons are the English templates of the reason codes; {0},
// {1}, ... stand for the reason's arguments.
var NotKeptReasons = map[string]string{
	ReasonBelowScore:   "score {0} below {1}",
	ReasonFewTerms:     "fewer than {0} distinct terms",
	ReasonFewMentions:  "too few mentions",
	ReasonBelowShare:   "score {0} below {1}% of the strongest value's",
	ReasonBeyondMax:    "beyond the {0} strongest values",
	ReasonDemonymOnly:  "only a demonym or capital, never named",
	ReasonDestination:  "named mostly as a destination ({0} of {1} mentions)",
	ReasonTitleOnly:    "named in the title only, never in the text",
	ReasonAfterLead:    "first named after the lead of a long report",
	ReasonRegionMember: "one of {0} countries of the region: REG stands for them",
	ReasonWorldMember:  "one of {0} countries from {1} continents: GLB stands for them",
}

// FillReason replaces {0}, {1}, ... in template with args; a placeholder
// without an argument is left as it is.
func FillReason(template string, args []string) string {
	if len(args) == 0 {
		return template
	}
	pairs := make([]string, 0, 2*len(args))
	for i, a := range args {
		pairs = append(pairs, "{"+strconv.Itoa(i)+"}", a)
	}
	return strings.NewReplacer(pairs...).Replace(template)
}

// ReasonText returns the English reason of code with args, or "" for an
// unknown code.
func ReasonText(code string, args []string) string {
	t, ok := NotKeptReasons[code]
	if !ok {
		return ""
	}
	return FillReason(t, args)
}
