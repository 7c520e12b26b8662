package bench

import "strings"

// noun is a Danish noun with its four forms: indefinite and definite,
// singular and plural ("borger", "borgeren", "borgere", "borgerne").
type noun struct{ sg, def, pl, plDef string }

// n builds a noun from its singular, its gender ('c' for en-words, 'n' for
// et-words) and its plural ending ("er", "e", "" for none, or a full
// irregular plural after a "=" such as "=børn").
func n(sg string, gender byte, plural string) noun {
	w := noun{sg: sg}
	e := strings.HasSuffix(sg, "e")
	switch {
	case gender == 'n' && e:
		w.def = sg + "t"
	case gender == 'n':
		w.def = sg + "et"
	case e:
		w.def = sg + "n"
	default:
		w.def = sg + "en"
	}
	switch {
	case strings.HasPrefix(plural, "="):
		w.pl = plural[1:]
	case plural == "er" && e:
		w.pl = sg + "r"
	case plural == "e" && e:
		w.pl = sg
	default:
		w.pl = sg + plural
	}
	switch {
	case plural == "" && e:
		w.plDef = sg + "ne"
	case plural == "":
		w.plDef = sg + "ene"
	case plural == "e" && strings.HasSuffix(sg, "er"):
		w.plDef = sg + "ne" // borgere → borgerne
	default:
		w.plDef = w.pl + "ne"
	}
	return w
}

// verb is a Danish verb: infinitive, present, past and participle.
type verb struct{ inf, pres, past, part string }

// v builds a regular verb of the "-ere" or "-e" type from its infinitive.
func v(inf string) verb {
	stem := strings.TrimSuffix(inf, "e")
	return verb{inf: inf, pres: inf + "r", past: inf + "de", part: stem + "et"}
}

// adjective is a Danish adjective: common, neuter and plural/definite.
type adjective struct{ c, n, pl string }

// a builds an adjective: invariable when it ends in -e or -s ("fælles"),
// "samlet/samlede" for -et, else taking -t and -e.
func a(c string) adjective {
	switch {
	case strings.HasSuffix(c, "e") || strings.HasSuffix(c, "s"):
		return adjective{c: c, n: c, pl: c}
	case strings.HasSuffix(c, "et"):
		return adjective{c: c, n: c, pl: strings.TrimSuffix(c, "t") + "de"}
	}
	return adjective{c: c, n: c + "t", pl: c + "e"}
}

// functionWords are the most common words of Danish prose, most frequent first.
var functionWords = strings.Fields(`og i at det en til er på for med af som de der et den
vi kan har ikke vil så om skal fra ved også når men eller alle samt efter
mere flere være blive bliver blev hvor under over mellem hvis uden kun
både dermed derfor dog nu heraf herunder gennem mod op ud samtidig`)

// prepositions start the phrases of the templates.
var prepositions = strings.Fields("i på for med af til fra ved gennem mellem under efter om")

// generalNouns occur in proposals of every policy area, most frequent first.
var generalNouns = []noun{
	n("kommune", 'c', "er"), n("borger", 'c', "e"), n("medarbejder", 'c', "e"),
	n("besparelse", 'c', "er"), n("løsning", 'c', "er"), n("udgift", 'c', "er"),
	n("opgave", 'c', "er"), n("indsats", 'c', "er"), n("forvaltning", 'c', "er"),
	n("leder", 'c', "e"), n("tid", 'c', "er"), n("budget", 'n', "ter"),
	n("år", 'n', ""), n("effekt", 'c', "er"), n("proces", 'c', "ser"),
	n("erfaring", 'c', "er"), n("kvalitet", 'c', "er"), n("område", 'n', "r"),
	n("afdeling", 'c', "er"), n("system", 'n', "er"), n("aftale", 'c', "r"),
	n("leverandør", 'c', "er"), n("implementering", 'c', "er"), n("model", 'c', "ler"),
	n("ressource", 'c', "r"), n("politiker", 'c', "e"), n("evaluering", 'c', "er"),
	n("borgerkontakt", 'c', "er"), n("arbejdsgang", 'c', "e"), n("økonomi", 'c', "er"),
	n("kapacitet", 'c', "er"), n("sag", 'c', "er"), n("samarbejde", 'n', "r"),
	n("kontrakt", 'c', "er"), n("data", 'n', ""), n("ledelse", 'c', "r"),
	n("pris", 'c', "er"), n("gevinst", 'c', "er"), n("investering", 'c', "er"),
	n("tilbagebetaling", 'c', "er"), n("fravær", 'n', ""), n("vikar", 'c', "er"),
	n("personale", 'n', ""), n("struktur", 'c', "er"), n("målgruppe", 'c', "r"),
	n("koordinering", 'c', "er"), n("ansøgning", 'c', "er"), n("regel", 'c', "=regler"),
	n("pilotprojekt", 'n', "er"), n("rapport", 'c', "er"), n("nøgletal", 'n', ""),
}

// areaVocabulary holds the characteristic nouns, compound parts and tags of
// each policy area, by its slug.
type areaVocabulary struct {
	nouns []noun
	// heads and mods form compounds: mod + head, e.g. "hjemmepleje" + "ruter".
	mods  []string
	heads []noun
}

var areas = map[string]areaVocabulary{
	"administration": {
		nouns: []noun{n("sagsbehandling", 'c', "er"), n("journalisering", 'c', "er"), n("postfordeling", 'c', "er"), n("lønadministration", 'c', "er"), n("sekretariat", 'n', "er"), n("kontorplads", 'c', "er")},
		mods:  []string{"sags", "løn", "post", "journal", "ledelses", "kontor", "administrations", "mødes"},
		heads: []noun{n("behandling", 'c', "er"), n("system", 'n', "er"), n("gang", 'c', "e"), n("funktion", 'c', "er"), n("udgift", 'c', "er"), n("lokale", 'n', "r")},
	},
	"beskaeftigelse": {
		nouns: []noun{n("jobcenter", 'n', "e"), n("ledig", 'c', "e"), n("virksomhedspraktik", 'c', "ker"), n("sygedagpenge", 'c', "=sygedagpenge"), n("kontanthjælp", 'c', ""), n("revalidering", 'c', "er")},
		mods:  []string{"job", "beskæftigelses", "ledigheds", "sygedagpenge", "praktik", "virksomheds", "samtale", "afklarings"},
		heads: []noun{n("forløb", 'n', ""), n("indsats", 'c', "er"), n("samtale", 'c', "r"), n("konsulent", 'c', "er"), n("ydelse", 'c', "r"), n("plan", 'c', "er")},
	},
	"boern-og-unge": {
		nouns: []noun{n("barn", 'n', "=børn"), n("familie", 'c', "r"), n("anbringelse", 'c', "r"), n("plejefamilie", 'c', "r"), n("underretning", 'c', "er"), n("ung", 'c', "e")},
		mods:  []string{"børne", "familie", "plejefamilie", "ungdoms", "forebyggelses", "døgn", "netværks", "anbringelses"},
		heads: []noun{n("indsats", 'c', "er"), n("institution", 'c', "er"), n("sag", 'c', "er"), n("rådgiver", 'c', "e"), n("tilbud", 'n', ""), n("møde", 'n', "r")},
	},
	"dagtilbud": {
		nouns: []noun{n("daginstitution", 'c', "er"), n("vuggestue", 'c', "r"), n("børnehave", 'c', "r"), n("dagpleje", 'c', "r"), n("pædagog", 'c', "er"), n("forælder", 'c', "=forældre")},
		mods:  []string{"dagpleje", "vuggestue", "børnehave", "pædagog", "forældre", "åbnings", "frokost", "normerings"},
		heads: []noun{n("plads", 'c', "er"), n("ordning", 'c', "er"), n("tid", 'c', "er"), n("betaling", 'c', "er"), n("gruppe", 'c', "r"), n("vikar", 'c', "er")},
	},
	"skole": {
		nouns: []noun{n("skole", 'c', "r"), n("elev", 'c', "er"), n("lærer", 'c', "e"), n("undervisning", 'c', "er"), n("klasse", 'c', "r"), n("specialundervisning", 'c', "er")},
		mods:  []string{"skole", "elev", "lærer", "klasse", "undervisnings", "specialskole", "skolebus", "fritids"},
		heads: []noun{n("kørsel", 'c', "er"), n("ordning", 'c', "er"), n("materiale", 'n', "r"), n("tilbud", 'n', ""), n("lokale", 'n', "r"), n("struktur", 'c', "er")},
	},
	"aeldre-og-sundhed": {
		nouns: []noun{n("hjemmepleje", 'c', "r"), n("plejecenter", 'n', "e"), n("genoptræning", 'c', "er"), n("rehabilitering", 'c', "er"), n("ældre", 'c', "e"), n("visitation", 'c', "er"), n("velfærdsteknologi", 'c', "er")},
		mods:  []string{"hjemmepleje", "ældre", "pleje", "sundheds", "trænings", "rehabiliterings", "sygepleje", "velfærds"},
		heads: []noun{n("rute", 'c', "r"), n("bolig", 'c', "er"), n("forløb", 'n', ""), n("teknologi", 'c', "er"), n("hjælp", 'c', ""), n("personale", 'n', "")},
	},
	"socialomraadet-voksne": {
		nouns: []noun{n("botilbud", 'n', ""), n("bostøtte", 'c', "r"), n("misbrug", 'n', ""), n("socialpsykiatri", 'c', "er"), n("hjemløshed", 'c', "er"), n("borgerrådgiver", 'c', "e")},
		mods:  []string{"bostøtte", "misbrugs", "social", "psykiatri", "botilbuds", "recovery", "værested", "opholds"},
		heads: []noun{n("behandling", 'c', "er"), n("tilbud", 'n', ""), n("takst", 'c', "er"), n("støtte", 'c', "r"), n("plads", 'c', "er"), n("medarbejder", 'c', "e")},
	},
	"handicap": {
		nouns: []noun{n("hjælpemiddel", 'n', "=hjælpemidler"), n("handicap", 'n', "s"), n("ledsagelse", 'c', "r"), n("aflastning", 'c', "er"), n("bolig", 'c', "er"), n("specialtilbud", 'n', "")},
		mods:  []string{"hjælpemiddel", "handicap", "aflastnings", "ledsager", "specialpædagogisk", "bolig", "kropsbårne", "kommunikations"},
		heads: []noun{n("depot", 'n', "er"), n("ordning", 'c', "er"), n("udgift", 'c', "er"), n("indretning", 'c', "er"), n("tilbud", 'n', ""), n("bevilling", 'c', "er")},
	},
	"teknik-og-miljoe": {
		nouns: []noun{n("affald", 'n', ""), n("genbrug", 'n', ""), n("vej", 'c', "e"), n("vejbelysning", 'c', "er"), n("grønt", 'n', ""), n("vintertjeneste", 'c', "r")},
		mods:  []string{"affalds", "genbrugs", "vej", "park", "vinter", "snerydnings", "spildevands", "materiel"},
		heads: []noun{n("indsamling", 'c', "er"), n("plads", 'c', "er"), n("belysning", 'c', "er"), n("drift", 'c', ""), n("vedligeholdelse", 'c', "r"), n("udbud", 'n', "")},
	},
	"kultur-og-fritid": {
		nouns: []noun{n("bibliotek", 'n', "er"), n("idrætshal", 'c', "ler"), n("forening", 'c', "er"), n("musikskole", 'c', "r"), n("kulturhus", 'n', "e"), n("svømmehal", 'c', "ler")},
		mods:  []string{"biblioteks", "idræts", "forenings", "kultur", "fritids", "hal", "lokale", "selvbetjenings"},
		heads: []noun{n("lokale", 'n', "r"), n("tilskud", 'n', ""), n("drift", 'c', ""), n("booking", 'c', "er"), n("åbningstid", 'c', "er"), n("facilitet", 'c', "er")},
	},
	"digitalisering": {
		nouns: []noun{n("softwarerobot", 'c', "ter"), n("automatisering", 'c', "er"), n("selvbetjening", 'c', "er"), n("licens", 'c', "er"), n("server", 'c', "e"), n("platform", 'c', "e")},
		mods:  []string{"software", "robot", "selvbetjenings", "it", "licens", "data", "digital", "integrations"},
		heads: []noun{n("løsning", 'c', "er"), n("platform", 'c', "e"), n("drift", 'c', ""), n("aftale", 'c', "r"), n("system", 'n', "er"), n("arkitektur", 'c', "er")},
	},
	"indkoeb": {
		nouns: []noun{n("udbud", 'n', ""), n("indkøbsaftale", 'c', "r"), n("fællesudbud", 'n', ""), n("vareindkøb", 'n', ""), n("compliance", 'c', ""), n("e-handel", 'c', "er")},
		mods:  []string{"indkøbs", "udbuds", "vare", "leverandør", "kontrakt", "fælles", "rammeaftale", "lager"},
		heads: []noun{n("aftale", 'c', "r"), n("styring", 'c', "er"), n("pris", 'c', "er"), n("opfølgning", 'c', "er"), n("portal", 'c', "er"), n("katalog", 'n', "er")},
	},
	"ejendomme-og-energi": {
		nouns: []noun{n("bygning", 'c', "er"), n("energiforbrug", 'n', ""), n("varme", 'c', ""), n("solcelle", 'c', "r"), n("rengøring", 'c', "er"), n("kvadratmeter", 'c', "")},
		mods:  []string{"energi", "bygnings", "ejendoms", "varme", "el", "rengørings", "lokale", "vedligeholdelses"},
		heads: []noun{n("forbrug", 'n', ""), n("renovering", 'c', "er"), n("styring", 'c', "er"), n("anlæg", 'n', ""), n("optimering", 'c', "er"), n("portefølje", 'c', "r")},
	},
	"transport-og-koersel": {
		nouns: []noun{n("kørsel", 'c', "er"), n("befordring", 'c', "er"), n("flextrafik", 'c', ""), n("bus", 'c', "ser"), n("elbil", 'c', "er"), n("kørselsplan", 'c', "er")},
		mods:  []string{"kørsels", "bus", "taxa", "elbil", "flex", "befordrings", "rute", "flåde"},
		heads: []noun{n("ordning", 'c', "er"), n("planlægning", 'c', "er"), n("kontrakt", 'c', "er"), n("udgift", 'c', "er"), n("styring", 'c', "er"), n("rute", 'c', "r")},
	},
}

// verbs are the actions proposals describe, most frequent first.
var verbs = []verb{
	v("reducere"), v("effektivisere"), v("digitalisere"), v("samle"), v("omlægge"),
	v("automatisere"), v("implementere"), v("styrke"), v("forebygge"), v("optimere"),
	v("standardisere"), v("koordinere"), v("evaluere"), v("investere"), v("nedbringe"),
	v("udbyde"), v("forenkle"), v("centralisere"), v("dokumentere"), v("prioritere"),
	v("afprøve"), v("genforhandle"), v("rehabilitere"), v("tilrettelægge"), v("udfase"),
	v("konsolidere"), v("målrette"), v("professionalisere"), v("systematisere"), v("visitere"),
}

// adjectives describe the measures, most frequent first.
var adjectives = []adjective{
	a("ny"), a("digital"), a("fælles"), a("effektiv"), a("tværgående"), a("samlet"),
	a("mindre"), a("lavere"), a("bedre"), a("kommunal"), a("årlig"), a("varig"),
	a("forebyggende"), a("målrettet"), a("faglig"), a("økonomisk"), a("systematisk"),
	a("tidlig"), a("løbende"), a("central"), a("lokal"), a("selvstændig"), a("hurtig"),
}

// municipalRoles are the function mailboxes named as contacts.
var municipalRoles = []string{
	"Økonomiafdelingen", "Digitaliseringsenheden", "Center for Sundhed og Ældre",
	"Indkøbsafdelingen", "Børne- og Ungeforvaltningen", "Teknik og Miljø",
	"Jobcentret", "Ejendomscentret", "Kultur- og Fritidsforvaltningen",
}
