package frontend

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// proposalPage shows one proposal [forslag] with what a reader can do with it.
type proposalPage struct {
	base
	P          *domain.Proposal
	Payback    float64
	HasPayback bool
	Chart      barChart
	// Estimate is "Hvad vil det give i min kommune?" for EstimateCode.
	Estimate       *domain.Estimate
	EstimateCode   string
	Municipalities []domain.Municipality
	Similar        []domain.SearchHit
	Adoptions      []domain.Adoption
	Actions        proposalActions
	// Problems are the field problems of the last action posted on the page.
	Problems fieldErrors
	Reason   string
	// Message confirms the last action (from a fixed list, never user text).
	Message string
}

// proposalActions says which buttons the caller gets; the rules are the
// domain's (Principal.Authorize, CanSeeHistory, CheckAdoptable).
type proposalActions struct {
	Edit, Submit, Publish, Reject, Archive, Delete, History, Merge bool
	// Duplicates links to the editors' duplicate finder.
	Duplicates bool
	// AdoptAs is the municipality the caller can record an adoption for.
	AdoptAs string
}

// messages confirm an action after its redirect (?besked=…).
var messages = map[string]string{
	"created":   "Forslaget er gemt som kladde.",
	"saved":     "Ændringerne er gemt.",
	"submitted": "Forslaget er sendt til redaktionen.",
	"published": "Forslaget er offentliggjort.",
	"rejected":  "Forslaget er afvist, og kommunen kan se begrundelsen.",
	"archived":  "Forslaget er arkiveret.",
	"adopted":   "Tak – det er registreret, at jeres kommune bruger idéen.",
	"merged":    "Forslaget er lagt sammen med et andet.",
	"deleted":   "Forslaget er slettet.",
}

// handleProposal shows a proposal. A merged proposal redirects to the one
// it was merged into.
func (h *handler) handleProposal(c echo.Context) error {
	p, err := h.proposalPage(c)
	if err != nil {
		return err
	}
	if p.P.Status == domain.StatusMerged && p.P.MergedInto != "" {
		return c.Redirect(http.StatusMovedPermanently, "/forslag/"+p.P.MergedInto)
	}
	p.Message = messages[c.QueryParam("besked")]
	status := http.StatusOK
	if code := c.QueryParam("kommune"); code != "" {
		p.EstimateCode = code
		p.Estimate, err = h.svc.Estimate(c.Request().Context(), principalOf(c), p.P.ID, code)
		var ve *domain.ValidationError
		switch {
		case errors.As(err, &ve):
			p.Problems, status = ve.Problems, http.StatusUnprocessableEntity
		case domain.IsNotFound(err):
			p.Problems, status = fieldErrors{{Pointer: "/municipality", Detail: "Vælg en kommune på listen."}}, http.StatusUnprocessableEntity
		case err != nil:
			return err
		}
	}
	return h.render(c, status, "proposal.html", p)
}

// proposalPage loads everything the proposal page shows.
func (h *handler) proposalPage(c echo.Context) (*proposalPage, error) {
	ctx, who := c.Request().Context(), principalOf(c)
	pr, err := h.svc.GetProposal(ctx, who, c.Param("id"))
	if err != nil {
		return nil, err
	}
	p := &proposalPage{base: base{Title: pr.Title, Nav: "search"}, P: pr, Actions: actionsFor(who, pr)}
	p.Payback, p.HasPayback = pr.PaybackYears()
	p.Chart = savingsChart(pr)
	if pr.Status == domain.StatusMerged {
		return p, nil
	}
	if p.Municipalities, err = h.svc.ListMunicipalities(ctx); err != nil {
		return nil, err
	}
	if pr.Status == domain.StatusPublished {
		// Similar proposals are a side panel: a search index that cannot
		// answer (e.g. while it is rebuilt) must not take the proposal down.
		if p.Similar, err = h.svc.Similar(ctx, who, pr.ID); err != nil {
			h.log.WarnContext(ctx, "similar proposals left out", "proposal", pr.ID, "err", err)
		}
	}
	if p.Adoptions, err = h.svc.ListAdoptions(ctx, who, pr.ID); err != nil {
		return nil, err
	}
	return p, nil
}

// actionsFor asks the domain which actions who may take on pr.
func actionsFor(who domain.Principal, pr *domain.Proposal) proposalActions {
	may := func(a domain.Action) bool { return who.Authorize(pr, a) == nil }
	a := proposalActions{
		Edit: may(domain.ActionEdit), Submit: may(domain.ActionSubmit), Publish: may(domain.ActionPublish),
		Reject: may(domain.ActionReject), Archive: may(domain.ActionArchive), Delete: may(domain.ActionDelete),
		Merge: may(domain.ActionMerge), History: who.Role != domain.RolePublic && who.CanSeeHistory(pr),
		Duplicates: who.IsEditor(),
	}
	if code := who.MunicipalityCode; code != "" && who.CanRecordAdoption(code) && domain.CheckAdoptable(pr, code) == nil {
		a.AdoptAs = code
	}
	return a
}

// savingsChart draws the phase-in profile.
func savingsChart(pr *domain.Proposal) barChart {
	ch := barChart{
		ID:    "profil",
		Title: "Besparelsesprofil år for år",
		Desc: fmt.Sprintf("Besparelsen stiger til %s om året ved fuld effekt. Tallene står i tabellen under figuren.",
			domain.FormatKroner(pr.FullEffectDKK)),
	}
	for _, s := range pr.Savings {
		ch.Bars = append(ch.Bars, bar{Label: strconv.Itoa(s.Year), Value: s.AmountDKK, Text: domain.FormatKroner(s.AmountDKK)})
	}
	return ch
}

// handleTransition submits, publishes, rejects or archives a proposal at
// the version the page showed. A missing reject reason re-renders the page
// with the message next to the field.
func (h *handler) handleTransition(c echo.Context) error {
	if err := requireLogin(c); err != nil {
		return err
	}
	action := domain.Action(c.FormValue("action"))
	version, err := formInt(c, "version")
	if err != nil {
		return err
	}
	reason := trimmed(c, "reason")
	pr, err := h.svc.Transition(c.Request().Context(), principalOf(c), c.Param("id"), version, action, reason)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		p, perr := h.proposalPage(c)
		if perr != nil {
			return perr
		}
		p.Problems, p.Reason = ve.Problems, reason
		return h.render(c, http.StatusUnprocessableEntity, "proposal.html", p)
	}
	if err != nil {
		return err
	}
	return redirect(c, "/forslag/"+pr.ID+"?besked="+transitionMessage[action])
}

// transitionMessage names the confirmation of each transition.
var transitionMessage = map[domain.Action]string{
	domain.ActionSubmit: "submitted", domain.ActionPublish: "published",
	domain.ActionReject: "rejected", domain.ActionArchive: "archived",
}

// handleAdopt records that the caller's municipality uses the proposal
// ["Vi bruger denne idé"].
func (h *handler) handleAdopt(c echo.Context) error {
	if err := requireLogin(c); err != nil {
		return err
	}
	who := principalOf(c)
	in := domain.AdoptionInput{Status: domain.AdoptionStatus(c.FormValue("status")), Note: c.FormValue("note")}
	var problems fieldErrors
	if s := trimmed(c, "expected_dkk"); s != "" {
		n, ok := parseKroner(s)
		if !ok {
			problems = append(problems, domain.FieldProblem{Pointer: "/expected_dkk", Detail: "Skriv beløbet i hele kroner, fx 250000."})
		}
		in.ExpectedDKK = n
	}
	var err error
	if problems == nil {
		_, _, err = h.svc.RecordAdoption(c.Request().Context(), who, c.Param("id"), who.MunicipalityCode, in)
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		problems = ve.Problems
	} else if err != nil {
		return err
	}
	if problems != nil {
		p, perr := h.proposalPage(c)
		if perr != nil {
			return perr
		}
		p.Problems = problems
		return h.render(c, http.StatusUnprocessableEntity, "proposal.html", p)
	}
	return redirect(c, "/forslag/"+c.Param("id")+"?besked=adopted")
}

// May reports whether the transition named action is allowed.
func (a proposalActions) May(action string) bool {
	switch domain.Action(action) {
	case domain.ActionSubmit:
		return a.Submit
	case domain.ActionPublish:
		return a.Publish
	case domain.ActionArchive:
		return a.Archive
	}
	return false
}

// Any reports whether the caller may do anything to the proposal beyond
// reading it and recording an adoption.
func (a proposalActions) Any() bool {
	return a.Edit || a.Submit || a.Publish || a.Reject || a.Archive || a.Delete || a.History || a.Merge || a.Duplicates
}

// actionLabels are the Danish button texts of the transitions.
var actionLabels = map[string]string{
	string(domain.ActionSubmit):  "Send til redaktionen",
	string(domain.ActionPublish): "Offentliggør",
	string(domain.ActionArchive): "Arkivér",
}

// handleDelete deletes the proposal at the version the page showed and
// returns to the desk.
func (h *handler) handleDelete(c echo.Context) error {
	if err := requireLogin(c); err != nil {
		return err
	}
	version, err := formInt(c, "version")
	if err != nil {
		return err
	}
	if err := h.svc.DeleteProposal(c.Request().Context(), principalOf(c), c.Param("id"), version); err != nil {
		return err
	}
	return redirect(c, "/redaktion?besked=deleted")
}
