package domain

import (
	"context"
	"time"
)

// ProposalFilter selects proposals for a list. Empty slices mean "any".
type ProposalFilter struct {
	Statuses          []Status
	PolicyAreas       []string
	MeasureTypes      []string
	MunicipalityCodes []string
	Regions           []string
	BudgetYears       []int
	// PrivateMunicipality, when set, limits every status other than
	// published to that municipality (how staff see their own drafts).
	PrivateMunicipality string
	// PublicOnly limits the list to published proposals whatever Statuses says.
	PublicOnly bool
	Sort       ListSort
	Page       int // 1-based
	PerPage    int
}

// ListSort orders a list of proposals.
type ListSort string

// The list orders. SortOldest is the editor queue's order.
const (
	SortNewest      ListSort = "newest"
	SortOldest      ListSort = "oldest"
	SortPerResident ListSort = "per_resident"
	SortSavings     ListSort = "savings"
)

// Paging limits of lists.
const (
	DefaultPerPage = 20
	MaxPerPage     = 100
)

// ProposalPage is one page of a list.
type ProposalPage struct {
	Items   []*Proposal
	Total   int
	Page    int
	PerPage int
}

// Revision is one audit row: who did what to a proposal, when, and the
// whole state after the change.
type Revision struct {
	ID         int64
	ProposalID string
	Version    int
	Action     Action
	ActorID    string
	ActorEmail string
	At         time.Time
	Reason     string
	State      Proposal
}

// Change describes the write the store must record with a proposal: the
// audit row's action and actor. The store writes the proposal, the audit row
// (with the whole new state) and an outbox row in one transaction.
type Change struct {
	Action Action
	Actor  Principal
	Reason string
}

// ProposalStore persists proposals with their audit trail and outbox.
type ProposalStore interface {
	// CreateProposal assigns p.Ref (next sequence number of p.BudgetYear),
	// inserts p with version 1 and writes its audit and outbox rows, in one
	// transaction. It returns ErrConflict if the external key is taken.
	CreateProposal(ctx context.Context, p *Proposal, c Change) error
	// UpdateProposal stores p (with p.Version already incremented) if the
	// stored version is still p.Version-1, with audit and outbox rows, in one
	// transaction. It returns ErrVersionConflict if the stored version moved
	// on and ErrNotFound if the proposal is gone.
	UpdateProposal(ctx context.Context, p *Proposal, c Change) error
	// FindProposalByID returns ErrNotFound if no proposal (not soft-deleted)
	// has that ID. Visibility is the caller's concern.
	FindProposalByID(ctx context.Context, id string) (*Proposal, error)
	// ListProposals returns one page of proposals matching f (never deleted ones).
	ListProposals(ctx context.Context, f ProposalFilter) (*ProposalPage, error)
	// ListRevisions returns the audit rows of a proposal, newest first.
	ListRevisions(ctx context.Context, proposalID string) ([]Revision, error)
}

// MunicipalityStore reads reference data about municipalities.
type MunicipalityStore interface {
	// ListMunicipalities returns all municipalities with their newest population, by code.
	ListMunicipalities(ctx context.Context) ([]Municipality, error)
	// FindMunicipality returns ErrNotFound for an unknown code.
	FindMunicipality(ctx context.Context, code string) (*Municipality, error)
	// PopulationFor returns the population of the newest year ≤ year, or the
	// oldest known year when year predates every figure; ErrNotFound for an
	// unknown code.
	PopulationFor(ctx context.Context, code string, year int) (PopulationFigure, error)
	// MunicipalityStats returns the published figures of a municipality.
	MunicipalityStats(ctx context.Context, code string) (MunicipalityStats, error)
}

// UserStore persists users and API tokens.
type UserStore interface {
	// CreateUser returns ErrConflict if the email is taken.
	CreateUser(ctx context.Context, u *User) error
	// FindUserByEmail returns ErrNotFound for an unknown email (case-insensitive).
	FindUserByEmail(ctx context.Context, email string) (*User, error)
	// FindUserByID returns ErrNotFound for an unknown ID.
	FindUserByID(ctx context.Context, id string) (*User, error)
	// CreateToken stores a token's hash.
	CreateToken(ctx context.Context, t *Token) error
	// FindUserByTokenHash returns the owner of a token, ErrNotFound if none.
	FindUserByTokenHash(ctx context.Context, hash string) (*User, error)
}

// PasswordHasher hashes and checks passwords (argon2id in production).
type PasswordHasher interface {
	Hash(password string) (string, error)
	// Verify reports whether password matches the stored hash.
	Verify(hash, password string) (bool, error)
}

// OutboxEntry says that a proposal changed and the search index must look at it again.
type OutboxEntry struct {
	ID         int64
	ProposalID string
}

// IndexSource is what the search indexer reads from the database, the truth
// that the index is a cache of.
type IndexSource interface {
	// PendingOutbox returns up to limit outbox entries, oldest first.
	PendingOutbox(ctx context.Context, limit int) ([]OutboxEntry, error)
	// DeleteOutbox removes applied entries by ID.
	DeleteOutbox(ctx context.Context, ids []int64) error
	// FindProposalByID returns ErrNotFound if the proposal is gone or soft-deleted.
	FindProposalByID(ctx context.Context, id string) (*Proposal, error)
	// PublishedVersions returns the ID → version of every published proposal.
	PublishedVersions(ctx context.Context) (map[string]int, error)
	// EachPublished calls fn for every published proposal in ID order,
	// batchSize at a time, stopping at fn's first error.
	EachPublished(ctx context.Context, batchSize int, fn func([]*Proposal) error) error
}
