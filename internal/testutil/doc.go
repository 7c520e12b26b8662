// Package testutil holds the helpers that tests of every package share:
// real databases (SQLite always, PostgreSQL when IDEBANK_TEST_DATABASE_URL
// is set), a domain.Service wired to them with a cheap password hasher and
// a clock tests can freeze, and Must* helpers that create users and
// proposals or fail the test.
//
// A typical storage test:
//
//	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
//		svc, clock := testutil.NewService(t, db)
//		clock.Set(time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC))
//		pr := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
//		pr = testutil.MustPublish(t, svc, pr)
//		…
//	})
package testutil
