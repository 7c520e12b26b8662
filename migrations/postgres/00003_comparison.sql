-- +goose Up
-- The comparison for directors sums per-resident figures per municipality
-- and ranks published proposals by them. The first index covers those sums
-- (and a municipality's own figures), so they never read the wide proposal
-- rows; the second lets a ranking walk published proposals in per-resident
-- order and stop after the first page.
CREATE INDEX proposals_published_totals_idx
    ON proposals (status, municipality_code, budget_year, per_resident_ore, full_effect_dkk, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX proposals_published_rank_idx
    ON proposals (status, per_resident_ore DESC, id)
    WHERE deleted_at IS NULL;

-- +goose Down
DROP INDEX proposals_published_rank_idx;
DROP INDEX proposals_published_totals_idx;
