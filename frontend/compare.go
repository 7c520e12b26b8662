package frontend

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// Sizes of the comparison page.
const (
	compareProposals      = 10 // proposals ranked
	compareMunicipalities = 20 // municipalities in the ranking table and chart
	peerPotentialTop      = 3  // benchmark size within a peer group
)

// compareForm is the choice on the comparison page, kept in the URL.
type compareForm struct {
	BudgetYear string // empty: every budget year
	Code       string // the municipality to compare
	Peer       string // "" (whole country) or a domain.PeerKind
	PolicyArea string // for the proposal ranking
	Top        string // benchmark size of the potential
}

// peerChoices are the peer groups offered, with Danish labels.
var peerChoices = []domain.Option{
	{Value: "", Label: "Hele landet"},
	{Value: string(domain.PeerBand), Label: "Kommuner af samme størrelse"},
	{Value: string(domain.PeerRegion), Label: "Kommuner i samme region"},
	{Value: string(domain.PeerSimilar), Label: "De 10 kommuner nærmest i indbyggertal"},
}

// comparePage is the comparison for directors [sammenlign].
type comparePage struct {
	base
	Form           compareForm
	Problems       fieldErrors
	Municipalities []domain.Municipality
	PolicyAreas    []domain.Option
	PeerChoices    []domain.Option
	Proposals      *domain.ProposalRanking
	ProposalChart  barChart
	Ranking        *domain.MunicipalityRanking
	RankingChart   barChart
	Potential      *domain.Potential
}

// TopRanks returns the municipalities shown in the ranking table.
func (p *comparePage) TopRanks() []domain.MunicipalityRank {
	items := p.Ranking.Items
	if len(items) <= compareMunicipalities {
		return items
	}
	top := items[:compareMunicipalities]
	for _, r := range items[compareMunicipalities:] {
		if r.Municipality.Code == p.Form.Code {
			top = append(top[:len(top):len(top)], r)
		}
	}
	return top
}

// handleCompare ranks proposals and municipalities, within a peer group
// when one is chosen, and shows the savings potential.
func (h *handler) handleCompare(c echo.Context) error {
	ctx := c.Request().Context()
	q := c.QueryParams()
	f := compareForm{BudgetYear: q.Get("budget_year"), Code: q.Get("kommune"), Peer: q.Get("peer"),
		PolicyArea: q.Get("policy_area"), Top: q.Get("top")}
	all, err := h.svc.ListMunicipalities(ctx)
	if err != nil {
		return err
	}
	p := &comparePage{base: base{Title: "Sammenlign kommuner og forslag", Nav: "compare"}, Form: f,
		Municipalities: all, PolicyAreas: domain.PolicyAreas, PeerChoices: peerChoices}
	err = h.compare(c, p)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		p.Problems = ve.Problems
		return h.render(c, http.StatusUnprocessableEntity, "compare.html", p)
	}
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, "compare.html", p)
}

// compare runs the three analyses of the form.
func (h *handler) compare(c echo.Context, p *comparePage) error {
	ctx, f := c.Request().Context(), p.Form
	var scope domain.Scope
	if f.Peer != "" {
		scope = domain.Scope{Municipalities: []string{f.Code}, Peer: domain.PeerKind(f.Peer)}
	}
	year, top := 0, 0
	if f.BudgetYear != "" {
		n, err := strconv.Atoi(f.BudgetYear)
		if err != nil {
			return domain.Invalid("/budget_year", "Skriv budgetåret som et årstal, fx 2025.")
		}
		year = n
	}
	if f.Top != "" {
		n, err := strconv.Atoi(f.Top)
		if err != nil {
			return domain.Invalid("/top", "Skriv antallet af kommuner som et helt tal, fx 10.")
		}
		top = n
	} else if f.Peer != "" {
		top = peerPotentialTop
	}
	pf := domain.ProposalRankFilter{Scope: scope, Limit: compareProposals}
	if f.PolicyArea != "" {
		pf.PolicyAreas = []string{f.PolicyArea}
	}
	if year != 0 {
		pf.BudgetYears = []int{year}
	}
	var err error
	if p.Proposals, err = h.svc.RankProposals(ctx, pf); err != nil {
		return err
	}
	mf := domain.MunicipalityRankFilter{Scope: scope, BudgetYear: year}
	if p.Ranking, err = h.svc.RankMunicipalities(ctx, mf); err != nil {
		return err
	}
	if p.Potential, err = h.svc.Potential(ctx, domain.PotentialFilter{MunicipalityRankFilter: mf, Top: top}); err != nil {
		return err
	}
	p.ProposalChart = barChart{ID: "forslag-graf", Title: "Forslag med størst besparelse pr. indbygger",
		Desc: "Søjlerne viser besparelsen pr. indbygger; tallene står også i tabellen."}
	for _, pr := range p.Proposals.Items {
		p.ProposalChart.Bars = append(p.ProposalChart.Bars, bar{Label: pr.Title, Value: pr.PerResidentOre, Text: perResident(pr.PerResidentOre)})
	}
	p.RankingChart = barChart{ID: "kommune-graf", Title: "Kommuner efter samlet besparelse pr. indbygger",
		Desc: fmt.Sprintf("De %d kommuner med den højeste sum; tallene står også i tabellen.", min(compareMunicipalities, len(p.Ranking.Items)))}
	for _, r := range p.Ranking.Items[:min(compareMunicipalities, len(p.Ranking.Items))] {
		p.RankingChart.Bars = append(p.RankingChart.Bars, bar{Label: r.Municipality.Name, Value: r.SumPerResidentOre, Text: perResident(r.SumPerResidentOre)})
	}
	return nil
}
