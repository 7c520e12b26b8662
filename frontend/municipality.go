package frontend

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// municipalityPerPage is how many proposals a municipality page lists at once.
const municipalityPerPage = 20

// municipalitiesPage lists every municipality by region.
type municipalitiesPage struct {
	base
	Regions []regionGroup
}

// regionGroup is one region with its municipalities.
type regionGroup struct {
	Name  string
	Items []domain.Municipality
}

// handleMunicipalities lists the 98 municipalities by region.
func (h *handler) handleMunicipalities(c echo.Context) error {
	all, err := h.svc.ListMunicipalities(c.Request().Context())
	if err != nil {
		return err
	}
	p := &municipalitiesPage{base: base{Title: "Kommuner", Nav: "municipalities"}}
	for _, r := range domain.Regions {
		g := regionGroup{Name: r}
		for _, m := range all {
			if m.Region == r {
				g.Items = append(g.Items, m)
			}
		}
		p.Regions = append(p.Regions, g)
	}
	return h.render(c, http.StatusOK, "municipalities.html", p)
}

// municipalityPage is a municipality's profile [kommune]: its figures, rank
// nationally and among peers, its proposals and what it has adopted.
type municipalityPage struct {
	base
	S         *domain.MunicipalityStanding
	Proposals *domain.ProposalPage
	Pager     pager
}

// handleMunicipality shows one municipality.
func (h *handler) handleMunicipality(c echo.Context) error {
	ctx, code := c.Request().Context(), c.Param("code")
	st, err := h.svc.MunicipalityStanding(ctx, code)
	if err != nil {
		return err
	}
	page, _ := strconv.Atoi(c.QueryParam("side"))
	props, err := h.svc.ListProposals(ctx, principalOf(c), domain.ProposalFilter{
		MunicipalityCodes: []string{code}, Sort: domain.SortPerResident, Page: max(page, 1), PerPage: municipalityPerPage,
	})
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, "municipality.html", &municipalityPage{
		base: base{Title: st.Name + " Kommune", Nav: "municipalities"}, S: st, Proposals: props,
		Pager: newPager(props.Total, municipalityPerPage, props.Page, func(n int) string {
			return "/kommuner/" + code + "?side=" + strconv.Itoa(n)
		}),
	})
}
