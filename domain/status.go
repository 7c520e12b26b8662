package domain

// Action is something done to a proposal.
type Action string

// The actions on a proposal. Each writes an audit row.
const (
	ActionCreate  Action = "create"
	ActionEdit    Action = "edit"
	ActionDelete  Action = "delete"
	ActionSubmit  Action = "submit"
	ActionPublish Action = "publish"
	ActionReject  Action = "reject"
	ActionArchive Action = "archive"
	ActionMerge   Action = "merge"
)

// transitions is the status machine: for each action, the statuses it may
// start from and the status it leads to. Editing a rejected proposal sends
// it back to draft; editing any other status keeps it.
var transitions = map[Action]struct {
	from []Status
	to   Status
}{
	ActionSubmit:  {[]Status{StatusDraft, StatusRejected}, StatusSubmitted},
	ActionPublish: {[]Status{StatusDraft, StatusSubmitted}, StatusPublished},
	ActionReject:  {[]Status{StatusSubmitted}, StatusRejected},
	ActionArchive: {[]Status{StatusPublished}, StatusArchived},
	ActionMerge:   {[]Status{StatusPublished}, StatusMerged},
}

// NextStatus returns the status action leads to from current, or
// ErrInvalidTransition.
func NextStatus(current Status, action Action) (Status, error) {
	if action == ActionEdit {
		switch current {
		case StatusRejected:
			return StatusDraft, nil
		case StatusMerged:
			return "", ErrInvalidTransition
		}
		return current, nil
	}
	t, ok := transitions[action]
	if !ok {
		return "", ErrInvalidTransition
	}
	for _, s := range t.from {
		if s == current {
			return t.to, nil
		}
	}
	return "", ErrInvalidTransition
}

// CanSee reports whether p may read proposal pr: the public and other
// municipalities see only published (and merged, which redirect) proposals;
// staff see all of their own municipality's; editors see everything.
func (p Principal) CanSee(pr *Proposal) bool {
	if pr.DeletedAt != nil {
		return false
	}
	switch {
	case pr.Status == StatusPublished || pr.Status == StatusMerged:
		return true
	case p.IsEditor():
		return true
	default:
		return p.IsStaffOf(pr.Municipality.Code)
	}
}

// Authorize checks that p may perform action on pr. It returns ErrNotFound
// when p may not even see pr, ErrForbidden when p sees it but may not act,
// and ErrInvalidTransition when the action is not allowed from pr's status.
func (p Principal) Authorize(pr *Proposal, action Action) error {
	if !p.CanSee(pr) {
		return ErrNotFound
	}
	if !p.mayAttempt(pr, action) {
		return ErrForbidden
	}
	if action == ActionDelete {
		if p.IsEditor() || pr.Status == StatusDraft {
			return nil
		}
		return ErrInvalidTransition
	}
	_, err := NextStatus(pr.Status, action)
	return err
}

// mayAttempt is the role rule, independent of status.
func (p Principal) mayAttempt(pr *Proposal, action Action) bool {
	if p.IsEditor() {
		return true
	}
	if !p.IsStaffOf(pr.Municipality.Code) {
		return false
	}
	switch action {
	case ActionEdit, ActionSubmit, ActionDelete:
		// Staff work on their own drafts and rejected proposals only.
		return pr.Status == StatusDraft || pr.Status == StatusRejected
	}
	return false
}

// CanCreateFor reports whether p may create a proposal for municipality code.
func (p Principal) CanCreateFor(code string) bool {
	return p.IsEditor() || p.IsStaffOf(code)
}

// CanSeeHistory reports whether p may read pr's audit rows.
func (p Principal) CanSeeHistory(pr *Proposal) bool {
	return p.IsEditor() || p.IsStaffOf(pr.Municipality.Code)
}

// VisibleStatuses narrows requested statuses to those p may list (default:
// published). Staff get other statuses only for their own municipality,
// which ListProposals enforces with ProposalFilter.PrivateMunicipality.
func (p Principal) VisibleStatuses(requested []Status) []Status {
	if len(requested) == 0 {
		return []Status{StatusPublished}
	}
	if p.Role == RolePublic {
		return []Status{StatusPublished}
	}
	return requested
}
