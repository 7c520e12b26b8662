package api

import (
	"github.com/idebank/idebank/domain"
)

// The wire types of the comparison for directors and their conversions.
// Money is in whole kroner (*_dkk); per-resident figures are kroner with two
// decimals. Every ranking states the population year(s) it used:
// population_year is the newest of population_years (null when nothing was
// ranked).

// estimateNote labels every estimate, as the contract asks.
const estimateNote = "Skøn: forslagets besparelse pr. indbygger ganget med kommunens indbyggertal. " +
	"Det er ikke en beregning af kommunens eget budget."

// estimateResponse is GET /proposals/{id}/estimate.
type estimateResponse struct {
	ProposalID     string             `json:"proposal_id"`
	Municipality   municipalityRefRes `json:"municipality"`
	PerResidentDKK float64            `json:"per_resident_dkk"`
	Population     int64              `json:"population"`
	PopulationYear int                `json:"population_year"`
	EstimatedDKK   int64              `json:"estimated_dkk"`
	Profile        []savingJSON       `json:"profile"`
	Basis          string             `json:"basis"`
	Note           string             `json:"note"`
}

func toEstimateResponse(e *domain.Estimate) estimateResponse {
	r := estimateResponse{
		ProposalID:     e.Proposal.ID,
		Municipality:   municipalityRefRes(e.Municipality.Ref()),
		PerResidentDKK: domain.OreToKroner(e.Proposal.PerResidentOre),
		Population:     e.Municipality.Population,
		PopulationYear: e.Municipality.PopulationYear,
		EstimatedDKK:   e.EstimatedDKK,
		Profile:        make([]savingJSON, len(e.Profile)),
		Basis:          e.Basis,
		Note:           estimateNote,
	}
	for i, s := range e.Profile {
		r.Profile[i] = savingJSON{Year: s.Year, AmountDKK: s.AmountDKK}
	}
	return r
}

// rankedProposalResponse is a search hit (there is no query, so its score
// is 0 and it has no highlights) with its place in the ranking, the
// population year its per-resident figure was computed with, and whether it
// lowers the service level.
type rankedProposalResponse struct {
	Rank int `json:"rank"`
	searchHitResponse
	PopulationYear int  `json:"population_year"`
	ReducesService bool `json:"reduces_service"`
}

// proposalRankingResponse is GET /rankings/proposals.
type proposalRankingResponse struct {
	Items           []rankedProposalResponse `json:"items"`
	PopulationYear  *int                     `json:"population_year"`
	PopulationYears []int                    `json:"population_years"`
	PeerGroup       *peerGroupRef            `json:"peer_group,omitempty"`
}

func toProposalRankingResponse(r *domain.ProposalRanking) proposalRankingResponse {
	items := make([]rankedProposalResponse, len(r.Items))
	for i, p := range r.Items {
		hit := toSearchHit(domain.SearchHit{
			ID: p.ID, Ref: p.Ref, Title: p.Title, Summary: p.Summary, Municipality: p.Municipality,
			PolicyArea: p.PolicyArea, MeasureType: p.MeasureType, PerResidentOre: p.PerResidentOre,
			FullEffectDKK: p.FullEffectDKK, BudgetYear: p.BudgetYear, AdoptionCount: p.AdoptionCount,
		})
		items[i] = rankedProposalResponse{Rank: i + 1, searchHitResponse: hit, PopulationYear: p.PopulationYear, ReducesService: p.ReducesService}
	}
	return proposalRankingResponse{
		Items: items, PopulationYear: newest(r.PopulationYears), PopulationYears: r.PopulationYears,
		PeerGroup: toPeerGroupRef(r.Peer),
	}
}

// municipalityRankResponse is one row of GET /rankings/municipalities.
type municipalityRankResponse struct {
	Rank              int     `json:"rank"`
	Code              string  `json:"code"`
	Name              string  `json:"name"`
	Region            string  `json:"region"`
	Population        int64   `json:"population"`
	PopulationYear    int     `json:"population_year"`
	ProposalCount     int     `json:"proposal_count"`
	SumPerResidentDKK float64 `json:"sum_per_resident_dkk"`
	TotalDKK          int64   `json:"total_dkk"`
}

func toMunicipalityRankResponse(r domain.MunicipalityRank) municipalityRankResponse {
	m := r.Municipality
	return municipalityRankResponse{
		Rank: r.Rank, Code: m.Code, Name: m.Name, Region: m.Region,
		Population: m.Population, PopulationYear: m.PopulationYear,
		ProposalCount: r.ProposalCount, SumPerResidentDKK: domain.OreToKroner(r.SumPerResidentOre),
		TotalDKK: r.TotalDKK,
	}
}

// municipalityRankingResponse is GET /rankings/municipalities; budget_year
// is null when every budget year is summed.
type municipalityRankingResponse struct {
	Items           []municipalityRankResponse `json:"items"`
	BudgetYear      *int                       `json:"budget_year"`
	PopulationYear  *int                       `json:"population_year"`
	PopulationYears []int                      `json:"population_years"`
	PeerGroup       *peerGroupRef              `json:"peer_group,omitempty"`
}

func toMunicipalityRankingResponse(r *domain.MunicipalityRanking) municipalityRankingResponse {
	return municipalityRankingResponse{
		Items:      mapItems(r.Items, toMunicipalityRankResponse),
		BudgetYear: nonZero(r.BudgetYear), PopulationYear: newest(r.PopulationYears),
		PopulationYears: r.PopulationYears, PeerGroup: toPeerGroupRef(r.Peer),
	}
}

// potentialItemResponse is one municipality's savings potential.
type potentialItemResponse struct {
	municipalityRankResponse
	InTop        bool  `json:"in_top"`
	PotentialDKK int64 `json:"potential_dkk"`
}

// potentialResponse is GET /analysis/potential.
type potentialResponse struct {
	Top                     int                     `json:"top"`
	BudgetYear              *int                    `json:"budget_year"`
	BenchmarkPerResidentDKK float64                 `json:"benchmark_per_resident_dkk"`
	TotalDKK                int64                   `json:"total_dkk"`
	Method                  string                  `json:"method"`
	PopulationYear          *int                    `json:"population_year"`
	PopulationYears         []int                   `json:"population_years"`
	PeerGroup               *peerGroupRef           `json:"peer_group,omitempty"`
	Items                   []potentialItemResponse `json:"items"`
}

func toPotentialResponse(p *domain.Potential) potentialResponse {
	return potentialResponse{
		Top: p.Top, BudgetYear: nonZero(p.BudgetYear),
		BenchmarkPerResidentDKK: domain.OreToKroner(p.BenchmarkOre), TotalDKK: p.TotalDKK,
		Method: p.Method(), PopulationYear: newest(p.PopulationYears), PopulationYears: p.PopulationYears,
		PeerGroup: toPeerGroupRef(p.Peer),
		Items: mapItems(p.Items, func(it domain.PotentialItem) potentialItemResponse {
			return potentialItemResponse{toMunicipalityRankResponse(it.MunicipalityRank), it.InTop, it.PotentialDKK}
		}),
	}
}

// peerGroupRef names the peer group a ranking was restricted to.
type peerGroupRef struct {
	Kind         string             `json:"kind"`
	Label        string             `json:"label"`
	Municipality municipalityRefRes `json:"municipality"`
	Size         int                `json:"size"`
}

func toPeerGroupRef(g *domain.PeerGroup) *peerGroupRef {
	if g == nil {
		return nil
	}
	return &peerGroupRef{Kind: string(g.Kind), Label: g.Label, Municipality: municipalityRefRes(g.Anchor.Ref()), Size: len(g.Members)}
}

// peerGroupResponse is one peer group with its members.
type peerGroupResponse struct {
	Kind    string                 `json:"kind"`
	Label   string                 `json:"label"`
	Members []municipalityResponse `json:"members"`
}

// peerGroupsResponse is GET /peer-groups/{code}.
type peerGroupsResponse struct {
	Municipality municipalityResponse `json:"municipality"`
	Groups       []peerGroupResponse  `json:"groups"`
}

func toPeerGroupsResponse(groups []domain.PeerGroup) peerGroupsResponse {
	return peerGroupsResponse{
		Municipality: toMunicipalityResponse(groups[0].Anchor),
		Groups: mapItems(groups, func(g domain.PeerGroup) peerGroupResponse {
			return peerGroupResponse{Kind: string(g.Kind), Label: g.Label, Members: mapItems(g.Members, toMunicipalityResponse)}
		}),
	}
}

// newest returns the last (newest) of ascending years, or nil when there are none.
func newest(years []int) *int {
	if len(years) == 0 {
		return nil
	}
	return &years[len(years)-1]
}

// nonZero returns &n, or nil when n is 0 (not given).
func nonZero(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

// standingResponse is a municipality's place in a ranking by summed
// per-resident figure over every budget year.
type standingResponse struct {
	Kind  string `json:"kind,omitempty"`
	Label string `json:"label"`
	Rank  int    `json:"rank"`
	Of    int    `json:"of"`
}

// municipalityStandingResponse is GET /municipalities/{code}: the profile
// with its rank nationally and in each of its peer groups.
type municipalityStandingResponse struct {
	municipalityProfileResponse
	NationalRank standingResponse     `json:"national_rank"`
	PeerRanks    []standingResponse   `json:"peer_ranks"`
	Adoptions    adoptedIdeasResponse `json:"adoptions"`
}

func toStandingResponse(s domain.Standing) standingResponse {
	return standingResponse{Kind: string(s.Kind), Label: s.Label, Rank: s.Rank, Of: s.Of}
}

func toMunicipalityStandingResponse(st *domain.MunicipalityStanding) municipalityStandingResponse {
	return municipalityStandingResponse{
		municipalityProfileResponse: toMunicipalityProfileResponse(&st.MunicipalityProfile),
		NationalRank:                toStandingResponse(st.National),
		PeerRanks:                   mapItems(st.Peers, toStandingResponse),
		Adoptions:                   toAdoptedIdeasResponse(st.Adoptions),
	}
}
