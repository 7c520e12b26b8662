package frontend

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// formPage is the create/edit form [opret / rediger forslag].
type formPage struct {
	base
	Form   proposalForm
	Errors fieldErrors
	// ID is empty for a new proposal.
	ID string
	// Conflict is set when someone else saved the proposal after the form
	// was opened; the form keeps what the user typed.
	Conflict bool
	// CanSubmit offers "save and submit": the proposal may be submitted
	// once saved.
	CanSubmit      bool
	Municipalities []domain.Municipality
	PolicyAreas    []domain.Option
	MeasureTypes   []domain.Option
	EvidenceLevels []domain.Option
}

// newFormPage returns the form page with the choices the caller has: staff
// only their own municipality, editors all.
func (h *handler) newFormPage(ctx context.Context, who domain.Principal, title string, f proposalForm) (*formPage, error) {
	all, err := h.svc.ListMunicipalities(ctx)
	if err != nil {
		return nil, err
	}
	p := &formPage{
		base: base{Title: title, Nav: "new"}, Form: f,
		PolicyAreas: domain.PolicyAreas, MeasureTypes: domain.MeasureTypes, EvidenceLevels: domain.EvidenceLevels,
	}
	for _, m := range all {
		if who.CanCreateFor(m.Code) {
			p.Municipalities = append(p.Municipalities, m)
		}
	}
	return p, nil
}

// handleNewForm shows an empty form for a new proposal.
func (h *handler) handleNewForm(c echo.Context) error {
	who := principalOf(c)
	if err := requireLogin(c); err != nil {
		return err
	}
	if !who.Role.AtLeast(domain.RoleStaff) {
		return domain.ErrForbidden
	}
	f := proposalForm{MunicipalityCode: who.MunicipalityCode, EvidenceLevel: "estimate",
		BudgetYear: strconv.Itoa(time.Now().Year() + 1)}
	p, err := h.newFormPage(c.Request().Context(), who, "Nyt forslag", f)
	if err != nil {
		return err
	}
	p.CanSubmit = true
	return h.render(c, http.StatusOK, "form.html", p)
}

// handleCreate stores a new draft and, when the user chose "Gem og
// indsend", submits it.
func (h *handler) handleCreate(c echo.Context) error {
	if err := requireLogin(c); err != nil {
		return err
	}
	ctx, who := c.Request().Context(), principalOf(c)
	f, err := parseProposalForm(c)
	if err != nil {
		return err
	}
	in, problems := f.input()
	var pr *domain.Proposal
	if problems == nil {
		pr, err = h.svc.CreateProposal(ctx, who, in)
	}
	if problems, err = validationProblems(problems, in, err); err != nil {
		return err
	}
	if problems != nil {
		p, err := h.newFormPage(ctx, who, "Nyt forslag", f)
		if err != nil {
			return err
		}
		p.Errors, p.CanSubmit = problems, true
		return h.render(c, http.StatusUnprocessableEntity, "form.html", p)
	}
	return h.afterSave(c, pr, "created")
}

// handleEditForm shows the form filled with the stored proposal.
func (h *handler) handleEditForm(c echo.Context) error {
	ctx, who := c.Request().Context(), principalOf(c)
	pr, err := h.svc.GetProposal(ctx, who, c.Param("id"))
	if err != nil {
		return err
	}
	if err := who.Authorize(pr, domain.ActionEdit); err != nil {
		return err
	}
	p, err := h.newFormPage(ctx, who, "Rediger forslag", formFromProposal(pr))
	if err != nil {
		return err
	}
	p.ID, p.CanSubmit = pr.ID, submittableAfterEdit(who, pr)
	return h.render(c, http.StatusOK, "form.html", p)
}

// handleUpdate saves the form over the version it was opened at. If
// someone else saved in between, the form comes back with everything the
// user typed, a clear message and the current version, so that saving again
// is a conscious choice.
func (h *handler) handleUpdate(c echo.Context) error {
	if err := requireLogin(c); err != nil {
		return err
	}
	ctx, who, id := c.Request().Context(), principalOf(c), c.Param("id")
	f, err := parseProposalForm(c)
	if err != nil {
		return err
	}
	in, problems := f.input()
	var pr *domain.Proposal
	if problems == nil {
		pr, err = h.svc.UpdateProposal(ctx, who, id, f.Version, patchOf(in))
	}
	current, gerr := h.svc.GetProposal(ctx, who, id)
	if gerr != nil {
		return gerr
	}
	conflict := errors.Is(err, domain.ErrVersionConflict)
	if conflict {
		f.Version, err = current.Version, nil
	}
	if problems, err = validationProblems(problems, in, err); err != nil {
		return err
	}
	if problems != nil || conflict {
		p, err := h.newFormPage(ctx, who, "Rediger forslag", f)
		if err != nil {
			return err
		}
		p.ID, p.Errors, p.Conflict, p.CanSubmit = id, problems, conflict, submittableAfterEdit(who, current)
		status := http.StatusUnprocessableEntity
		if conflict {
			status = http.StatusConflict
		}
		return h.render(c, status, "form.html", p)
	}
	return h.afterSave(c, pr, "saved")
}

// validationProblems returns the problems to show with the form: the
// form's own (numbers that are not numbers) merged with the domain's rules,
// or the service's validation error. Any other error is returned as is.
func validationProblems(formProblems fieldErrors, in domain.ProposalInput, err error) (fieldErrors, error) {
	var ve *domain.ValidationError
	switch {
	case errors.As(err, &ve):
		return fieldErrors(ve.Problems), nil
	case err != nil:
		return nil, err
	case formProblems != nil:
		in.Normalize()
		if errors.As(in.Validate(), &ve) {
			return formProblems.merge(ve.Problems), nil
		}
	}
	return formProblems, nil
}

// afterSave submits the saved proposal when the user asked to, and shows it.
func (h *handler) afterSave(c echo.Context, pr *domain.Proposal, msg string) error {
	if c.FormValue("action") == "submit" {
		var err error
		pr, err = h.svc.Transition(c.Request().Context(), principalOf(c), pr.ID, pr.Version, domain.ActionSubmit, "")
		if err != nil {
			return err
		}
		msg = "submitted"
	}
	return redirect(c, "/forslag/"+pr.ID+"?besked="+msg)
}

// submittableAfterEdit reports whether who may submit pr once an edit has
// moved it to the status an edit leads to (a rejected proposal becomes a
// draft again).
func submittableAfterEdit(who domain.Principal, pr *domain.Proposal) bool {
	next, err := domain.NextStatus(pr.Status, domain.ActionEdit)
	if err != nil {
		return false
	}
	edited := *pr
	edited.Status = next
	return who.Authorize(&edited, domain.ActionSubmit) == nil
}
