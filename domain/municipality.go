package domain

// Municipality is one of Denmark's 98 municipalities with its population in
// PopulationYear (residents on 1 January). A municipality keeps one
// population figure per known year; Population here is the newest one unless
// a caller asked for a particular year.
type Municipality struct {
	Code           string // official 3-digit code, e.g. "101"
	Name           string // official name with æøå
	Region         string // e.g. "Region Hovedstaden"
	Population     int64
	PopulationYear int
}

// MunicipalityRef is the short form of a municipality embedded in proposals and hits.
type MunicipalityRef struct {
	Code   string
	Name   string
	Region string
}

// Ref returns the short form of m.
func (m Municipality) Ref() MunicipalityRef {
	return MunicipalityRef{Code: m.Code, Name: m.Name, Region: m.Region}
}

// PopulationFigure is one year's population of one municipality.
type PopulationFigure struct {
	Code       string
	Year       int
	Population int64
}

// Regions lists the five Danish regions in their official order.
var Regions = []string{
	"Region Hovedstaden",
	"Region Sjælland",
	"Region Syddanmark",
	"Region Midtjylland",
	"Region Nordjylland",
}

// MunicipalityStats are the published-proposal figures of one municipality.
type MunicipalityStats struct {
	PublishedCount    int
	SumPerResidentOre int64 // summed per-resident figures of its published proposals, in øre
}
