// Package citetest holds strict parsers and validators for the outputs of
// package cite (BibTeX, RIS, CSL-JSON, Atom), so the tests of cite, of the
// HTTP layer and of the command line can read back what was written and
// fail on anything a real consumer would choke on.
package citetest
