package frontend

// pager is the page navigation of a list.
type pager struct {
	Page, Last int
	Prev, Next string // URLs; empty at the ends
	Links      []pageLink
}

// pageLink is one numbered page.
type pageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool // an ellipsis before this link
}

// newPager builds the navigation for total items, perPage a page, with the
// current page shown and its neighbours, the first and the last.
func newPager(total, perPage, page int, url func(page int) string) pager {
	last := (total + perPage - 1) / perPage
	if last < 1 {
		last = 1
	}
	p := pager{Page: page, Last: last}
	if page > 1 {
		p.Prev = url(page - 1)
	}
	if page < last {
		p.Next = url(page + 1)
	}
	prev := 0
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < page-2 || n > page+2) {
			continue
		}
		p.Links = append(p.Links, pageLink{Number: n, URL: url(n), Current: n == page, Gap: prev != 0 && n > prev+1})
		prev = n
	}
	return p
}
