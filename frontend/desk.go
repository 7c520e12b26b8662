package frontend

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// deskPerPage is how many proposals each list of the desk shows.
const deskPerPage = 50

// deskPage is the editors' queue [redaktion], or for staff the
// municipality's own unpublished proposals [mine forslag].
type deskPage struct {
	base
	Lists   []deskList
	Now     time.Time
	Message string // confirms the last action (from a fixed list)
}

// deskList is one titled list on the desk.
type deskList struct {
	ID, Heading, Empty string
	Page               *domain.ProposalPage
	// Queue shows how long each proposal has waited.
	Queue bool
}

// Age returns how many days pr has waited in the queue.
func (p *deskPage) Age(pr *domain.Proposal) int { return domain.QueueAgeDays(pr, p.Now) }

// handleDesk shows the queue of submitted proposals to editors (oldest
// first) and their municipality's drafts, submissions and rejections to staff.
func (h *handler) handleDesk(c echo.Context) error {
	if err := requireLogin(c); err != nil {
		return err
	}
	ctx, who := c.Request().Context(), principalOf(c)
	p := &deskPage{base: base{Title: "Mine forslag", Nav: "desk"}, Now: time.Now(), Message: messages[c.QueryParam("besked")]}
	specs := []struct {
		id, heading, empty string
		statuses           []domain.Status
		queue              bool
	}{
		{"kladder", "Kladder", "Ingen kladder.", []domain.Status{domain.StatusDraft}, false},
		{"afviste", "Afvist – skal rettes", "Ingen afviste forslag.", []domain.Status{domain.StatusRejected}, false},
		{"indsendte", "Sendt til redaktionen", "Intet venter på redaktionen.", []domain.Status{domain.StatusSubmitted}, true},
	}
	if who.IsEditor() {
		p.Title = "Redaktion"
		specs = specs[2:]
		specs[0].heading, specs[0].empty = "Kø: indsendte forslag, ældste først", "Køen er tom."
	}
	for _, s := range specs {
		page, err := h.svc.ListProposals(ctx, who, domain.ProposalFilter{Statuses: s.statuses, PerPage: deskPerPage})
		if err != nil {
			return err
		}
		p.Lists = append(p.Lists, deskList{ID: s.id, Heading: s.heading, Empty: s.empty, Page: page, Queue: s.queue})
	}
	return h.render(c, http.StatusOK, "desk.html", p)
}

// historyPage is a proposal's audit trail with what each change changed.
type historyPage struct {
	base
	P         *domain.Proposal
	Revisions []domain.RevisionChanges
}

// handleHistory shows who changed what and when.
func (h *handler) handleHistory(c echo.Context) error {
	ctx, who := c.Request().Context(), principalOf(c)
	if err := requireLogin(c); err != nil {
		return err
	}
	pr, err := h.svc.GetProposal(ctx, who, c.Param("id"))
	if err != nil {
		return err
	}
	revs, err := h.svc.HistoryChanges(ctx, who, pr.ID)
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, "history.html", &historyPage{
		base: base{Title: "Historik: " + pr.Title, Nav: "desk"}, P: pr, Revisions: revs,
	})
}

// duplicatesPage lists proposals that may describe the same measure, with
// a merge button for each.
type duplicatesPage struct {
	base
	P          *domain.Proposal
	Candidates []domain.DuplicateCandidate
	CanMerge   bool
}

// handleDuplicates shows the duplicate candidates of a proposal (editors).
func (h *handler) handleDuplicates(c echo.Context) error {
	ctx, who := c.Request().Context(), principalOf(c)
	if err := requireLogin(c); err != nil {
		return err
	}
	pr, err := h.svc.GetProposal(ctx, who, c.Param("id"))
	if err != nil {
		return err
	}
	cands, err := h.svc.DuplicatesOf(ctx, who, pr.ID)
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, "duplicates.html", &duplicatesPage{
		base: base{Title: "Mulige dubletter af " + pr.Ref, Nav: "desk"}, P: pr, Candidates: cands,
		CanMerge: who.Authorize(pr, domain.ActionMerge) == nil,
	})
}

// handleMerge merges the proposal into the chosen one and shows the target.
func (h *handler) handleMerge(c echo.Context) error {
	if err := requireLogin(c); err != nil {
		return err
	}
	version, err := formInt(c, "version")
	if err != nil {
		return err
	}
	target, err := h.svc.Merge(c.Request().Context(), principalOf(c), c.Param("id"), version, c.FormValue("into"))
	if err != nil {
		return err
	}
	return redirect(c, "/forslag/"+target.ID+"?besked=merged")
}
