package domain

// Option is a fixed value with its Danish label.
type Option struct {
	Value string
	Label string
}

// PolicyAreas lists the fixed policy areas [fagområder] in display order.
var PolicyAreas = []Option{
	{"administration", "Administration"},
	{"beskaeftigelse", "Beskæftigelse"},
	{"boern-og-unge", "Børn og unge"},
	{"dagtilbud", "Dagtilbud"},
	{"skole", "Skole"},
	{"aeldre-og-sundhed", "Ældre og sundhed"},
	{"socialomraadet-voksne", "Socialområdet (voksne)"},
	{"handicap", "Handicap"},
	{"teknik-og-miljoe", "Teknik og miljø"},
	{"kultur-og-fritid", "Kultur og fritid"},
	{"digitalisering", "Digitalisering"},
	{"indkoeb", "Indkøb"},
	{"ejendomme-og-energi", "Ejendomme og energi"},
	{"transport-og-koersel", "Transport og kørsel"},
}

// MeasureTypes lists the fixed measure types [typer af tiltag].
var MeasureTypes = []Option{
	{"digitalisering", "Digitalisering og automatisering"},
	{"organisering", "Organisering og arbejdsgange"},
	{"indkoeb", "Indkøb og udbud"},
	{"forebyggelse", "Forebyggelse og rehabilitering"},
	{"energi", "Energi og bygninger"},
	{"styring", "Styring og administration"},
	{"samarbejde", "Samarbejde på tværs af kommuner"},
	{"andet", "Andet"},
}

// EvidenceLevels lists how well a saving is documented [dokumentation].
var EvidenceLevels = []Option{
	{"estimate", "Budgetskøn"},
	{"decided", "Vedtaget i budgettet"},
	{"realised", "Realiseret i regnskabet"},
	{"evaluated", "Uafhængigt evalueret"},
}

// StatusLabels are the Danish names of proposal statuses.
var StatusLabels = []Option{
	{string(StatusDraft), "Kladde"},
	{string(StatusSubmitted), "Indsendt"},
	{string(StatusPublished), "Offentliggjort"},
	{string(StatusRejected), "Afvist"},
	{string(StatusArchived), "Arkiveret"},
	{string(StatusMerged), "Sammenlagt"},
}

// Label returns the Danish label of value in opts, or value itself when unknown.
func Label(opts []Option, value string) string {
	for _, o := range opts {
		if o.Value == value {
			return o.Label
		}
	}
	return value
}

// IsOption reports whether value is one of opts.
func IsOption(opts []Option, value string) bool {
	for _, o := range opts {
		if o.Value == value {
			return true
		}
	}
	return false
}
