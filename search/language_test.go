package search

import (
	"fmt"
	"slices"
	"testing"

	"github.com/idebank/idebank/domain"
)

// mustFindFirst fails t unless the first hit of q is want.
func (f *fixture) mustFindFirst(t testing.TB, q string, want *domain.Proposal) *domain.SearchResult {
	t.Helper()
	res := f.search(q)
	if len(res.Hits) == 0 || res.Hits[0].ID != want.ID {
		t.Fatalf("search %q: hits %v, want %s (%q) first", q, titles(res), want.ID, want.Title)
	}
	return res
}

func titles(res *domain.SearchResult) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.Title
	}
	return out
}

func TestSearch_StemmingMeetsInflectedForms(t *testing.T) {
	f := newFixture(t)
	ps := f.publish(
		text("Robotter i lønbogholderiet", "Lønkontoret lader robotten afstemme konti.", "Robotten kører om natten."),
		text("Færre kopimaskiner på rådhuset", "Print samles på færre maskiner.", "Udbud af print."),
	)
	for _, q := range []string{"robot", "robotten", "robotter", "robotterne"} {
		t.Run(q, func(t *testing.T) {
			res := f.mustFindFirst(t, q, ps[0])
			if res.Total != 1 {
				t.Errorf("total %d, want 1", res.Total)
			}
		})
	}
}

func TestSearch_CommonCompoundStopsMatchingItsPartsWrittenApart(t *testing.T) {
	f := newFixture(t)
	apart := f.publish(text("Affald og indsamling", "Færre ture.", "Affald hentes ved en fælles indsamling."))[0]
	if !slices.Contains(ids(f.search("affaldsindsamling")), apart.ID) {
		t.Fatal("a rare compound does not find its parts written apart")
	}
	var edits []func(*domain.ProposalInput)
	for i := range commonCompound {
		edits = append(edits, text(fmt.Sprintf("Affaldsindsamling nummer %d", i), "Færre ture.", "Affaldsindsamling."))
	}
	f.publish(edits...)
	res := f.search("affaldsindsamling", func(r *domain.SearchRequest) { r.PerPage = domain.MaxPerPage })
	if res.Total != commonCompound || slices.Contains(ids(res), apart.ID) {
		t.Errorf("common compound: total %d, want only the %d proposals with the compound", res.Total, commonCompound)
	}
}

func TestSearch_CompoundsMeetTheirParts(t *testing.T) {
	f := newFixture(t)
	ps := f.publish(
		text("Optimerede hjemmeplejeruter", "Kørelisterne planlægges digitalt.", "Hjemmeplejen bruger ruteplanlægning."),
		text("Energibesparelse i skolerne", "Lavere forbrug med nye ventilationsanlæg.", "Skolerne får nye anlæg."),
		text("Bedre pleje på plejecentre", "Pleje med faste teams giver kortere ruter for sygeplejen.", "Teams."),
	)
	cases := []struct {
		q    string
		want *domain.Proposal
	}{
		{"hjemmepleje ruter", ps[0]},
		{"hjemmeplejen", ps[0]},
		{"energi besparelse", ps[1]},
		{"energibesparelser", ps[1]},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) { f.mustFindFirst(t, c.q, c.want) })
	}
}

func TestSearch_TyposFindTheIntendedWord(t *testing.T) {
	f := newFixture(t)
	ps := f.publish(
		text("Velfærdsteknologi i hjemmeplejen", "Vasketoiletter sparer besøg.", "Teknologien blev visiteret."),
		text("Samlet indkøb af kontorartikler", "Ét udbud for alle institutioner.", "Færre leverandører."),
	)
	for _, q := range []string{"velfærdsteknolgi", "hjemmepeljen", "velfaerdsteknolgi"} {
		t.Run(q, func(t *testing.T) { f.mustFindFirst(t, q, ps[0]) })
	}
	t.Run("CorrectionOffered", func(t *testing.T) {
		res := f.search("velfærdsteknolgi")
		if res.Corrected != "velfærdsteknologi" {
			t.Errorf("corrected %q, want %q", res.Corrected, "velfærdsteknologi")
		}
		if res := f.search("velfærdsteknologi"); res.Corrected != "" {
			t.Errorf("a correct query got the correction %q", res.Corrected)
		}
	})
}

func TestSearch_ExactMatchRanksAboveTypoMatch(t *testing.T) {
	f := newFixture(t)
	ps := f.publish(
		text("Nyt madsystem", "Maden leveres fra centralkøkkenet.", "Vi bestiller madudbringning digitalt."),
		text("Nyt madsytem", "Maden leveres fra centralkøkkenet.", "Vi bestiller madudbringning digitalt."),
	)
	res := f.search("madsytem")
	if got := ids(res); len(got) != 2 || got[0] != ps[1].ID {
		t.Fatalf("hits %v, want the exact spelling %q first and the near one second", titles(res), ps[1].Title)
	}
	if res.Hits[0].Score <= res.Hits[1].Score {
		t.Errorf("exact score %.3f not above fuzzy %.3f", res.Hits[0].Score, res.Hits[1].Score)
	}
}

func TestSearch_ShortWordsAreNotFuzzed(t *testing.T) {
	f := newFixture(t)
	f.publish(text("Flere busser i landdistrikterne", "Bus og taxa samkøres.", "Bus."))
	if res := f.search("bux"); res.Total != 0 {
		t.Errorf("bux found %v; a three-letter word must not be fuzzed", titles(res))
	}
	if res := f.search("bass"); res.Total != 0 {
		t.Errorf("bass found %v; a four-letter word must not be fuzzed", titles(res))
	}
}

func TestSearch_DanishLettersTypedWithoutThem(t *testing.T) {
	f := newFixture(t)
	ps := f.publish(
		text("Ældre får hjælp til indkøb", "Ældreplejen samler indkøb.", "Ældre borgere bestiller varer."),
		func(in *domain.ProposalInput) {
			text("Fælles vagtcentral", "Vagtcentralen dækker hele byen.", "Borgere i København ringer.")(in)
			in.MunicipalityCode = "101"
		},
		func(in *domain.ProposalInput) {
			text("Digital affaldsplanlægning", "Ruterne planlægges digitalt.", "Sønderjylland.")(in)
			in.MunicipalityCode = "580"
		},
		text("Forældre får digitale beskeder", "Forældrene får beskeder.", "Forældre i daginstitutioner."),
	)
	cases := []struct {
		q    string
		want *domain.Proposal
	}{
		{"aeldre", ps[0]}, {"aldre", ps[0]}, {"ældre", ps[0]},
		{"kobenhavn", ps[1]}, {"koebenhavn", ps[1]},
		{"Aabenraa", ps[2]}, {"Åbenrå", ps[2]}, {"abenra", ps[2]},
		{"foraeldre", ps[3]},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) { f.mustFindFirst(t, c.q, c.want) })
	}
	t.Run("FoldedWordBeatsItsSynonym", func(t *testing.T) {
		ps := f.publish(
			text("Faste vikarer på tværs af skoler", "Vikarer deles.", "Vikarer og atter vikarer."),
			text("Billigere vikardækning i dagtilbud", "Puljen dækker fravær.", "Dækning."),
		)
		f.mustFindFirst(t, "vikardaekning", ps[1])
	})
	t.Run("LettersStayDistinct", func(t *testing.T) {
		res := f.search("ældre")
		if slices.Contains(ids(res), ps[3].ID) && res.Hits[0].ID != ps[0].ID {
			t.Errorf("ældre ranks %v", titles(res))
		}
	})
}

func TestSearch_SynonymsAndAbbreviations(t *testing.T) {
	f := newFixture(t)
	ps := f.publish(
		text("Softwarerobot behandler sygedagpengesager", "Robotten klarer opfølgningen.", "Jobcentret bruger en softwarerobot."),
		text("Skolefritidsordning med færre lokaler", "Fritidsordningen flytter ind i skolen.", "Lokalerne deles."),
		text("Samkørsel af befordring", "Transport af borgere til dagcentre samles.", "Kørslen udbydes samlet."),
	)
	cases := []struct {
		q    string
		want *domain.Proposal
	}{
		{"RPA", ps[0]}, {"RPA sygedagpenge", ps[0]}, {"SFO", ps[1]}, {"transport", ps[2]}, {"kørsel", ps[2]},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) { f.mustFindFirst(t, c.q, c.want) })
	}
}

func TestSearch_FieldWeights(t *testing.T) {
	f := newFixture(t)
	ps := f.publish(
		text("Genbrug af hjælpemidler", "Depotet istandsætter.", "Kørestole vaskes og bruges igen, også med tablet."),
		text("Tablet til borgere i eget hjem", "Skærmbesøg afløser besøg.", "Borgeren får besøg på skærmen."),
		func(in *domain.ProposalInput) {
			text("Skærmbesøg om natten", "Nattevagten ringer op.", "Besøg på skærm.")(in)
			in.Tags = []string{"tablet", "nattevagt", "skærmbesøg"}
		},
		func(in *domain.ProposalInput) {
			text("Besøg på skærm i dagtimerne", "En tablet til hver borger.", "Besøg på skærm.")(in)
		},
	)
	res := f.search("tablet")
	want := []string{ps[1].ID, ps[2].ID, ps[3].ID, ps[0].ID}
	if got := ids(res); !slices.Equal(got, want) {
		t.Errorf("order %v, want title, tags, summary, description", titles(res))
	}
}

func TestSearch_MunicipalityAndPolicyAreaAreSearchable(t *testing.T) {
	f := newFixture(t)
	ps := f.publish(
		func(in *domain.ProposalInput) {
			text("Fælles rengøring", "Ét udbud.", "Rengøring.")(in)
			in.MunicipalityCode, in.PolicyArea = "851", "ejendomme-og-energi"
		},
		text("Digital visitation", "Hurtigere.", "Visitation."),
	)
	f.mustFindFirst(t, "Aalborg", ps[0])
	f.mustFindFirst(t, "ejendomme", ps[0])
}

func TestSearch_RefFindsItsProposal(t *testing.T) {
	f := newFixture(t)
	ps := f.publish(
		text("Første forslag om udbud", "Udbud.", "Udbud."),
		text("Andet forslag om udbud", "Udbud.", "Udbud."),
	)
	for _, q := range []string{ps[1].Ref, "ib" + ps[1].Ref[2:]} {
		res := f.mustFindFirst(t, q, ps[1])
		if res.Total != 1 {
			t.Errorf("%s: total %d, want 1", q, res.Total)
		}
	}
}

func TestSearch_QuotedPhraseNeedsTheWordsTogether(t *testing.T) {
	f := newFixture(t)
	ps := f.publish(
		text("Fælles indkøb af it-udstyr", "Kommunerne køber ind sammen.", "Indkøbet samles."),
		text("Indkøb af fælles it-udstyr", "Udstyret deles.", "Indkøb."),
	)
	res := f.search(`"fælles indkøb"`)
	if got := ids(res); !slices.Equal(got, []string{ps[0].ID}) {
		t.Errorf(`"fælles indkøb" found %v, want only %q`, titles(res), ps[0].Title)
	}
	if res := f.search("fælles indkøb"); res.Total != 2 {
		t.Errorf("without quotes total %d, want 2", res.Total)
	}
	t.Run("InSummaryAndTags", func(t *testing.T) {
		ps := f.publish(
			text("Billigere kontorartikler", "Et fælles indkøb for alle skoler.", "Papir."),
			func(in *domain.ProposalInput) {
				text("Billigere papir", "Ét udbud.", "Papir.")(in)
				in.Tags = []string{"fælles indkøb"}
			},
		)
		res := f.search(`"fælles indkøb"`)
		for _, p := range ps {
			if !slices.Contains(ids(res), p.ID) {
				t.Errorf("%q not found by the phrase: %v", p.Title, titles(res))
			}
		}
	})
	t.Run("WrittenAsOneCompound", func(t *testing.T) {
		routes := f.publish(text("Optimerede hjemmeplejeruter", "Kørelister.", "Planlægning."))
		f.mustFindFirst(t, `"hjemmepleje ruter"`, routes[0])
	})
}
