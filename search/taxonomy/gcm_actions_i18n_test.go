package taxonomy

import "testing"

// TestActionTranslations checks that every translation names an existing
// action and that every action has terms in the four languages.
func TestActionTranslations(t *testing.T) {
	known := map[string]bool{}
	for _, o := range objectives {
		for _, a := range o.Actions {
			key := actionKey(o.Number, a.Letter)
			known[key] = true
			for _, lang := range []string{"en", "es", "fr", "pt"} {
				// 7(l) cites a named OHCHR document whose Portuguese
				// title is not in use.
				if len(a.Terms[lang]) == 0 && !(key == "7(l)" && lang == "pt") {
					t.Errorf("action %s has no %s terms", key, lang)
				}
			}
		}
	}
	for key := range actionTranslations {
		if !known[key] {
			t.Errorf("translations for %s, which is no action", key)
		}
	}
}
