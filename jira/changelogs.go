package jira

import (
	"context"
	"encoding/json"
	"slices"
	"sync"
)

// A POST /changelog/bulkfetch asks for at most bulkIssuesPerRequest issues
// and returns at most bulkHistoriesPerRequest histories (maxResults), the
// rest on further pages; a batch is filled up to both.
const (
	bulkIssuesPerRequest    = 1000
	bulkHistoriesPerRequest = 1000
)

// changelogBatcher fetches the cut changelogs of the pages a search
// completes in bulk requests that pages share. A page asks for its issues'
// changelogs and waits; asks wait together until they fill a request, or
// until the search waits for one of their pages to hand to the sync
// (awaited): then that page's ask is sent at once, with as many others as
// fit. So a commit never waits for a batch to fill, and batches fill while
// the sync stores pages fetched ahead.
type changelogBatcher struct {
	c       *Client
	ctx     context.Context
	wg      *sync.WaitGroup // the search's goroutines; each request is one
	mu      sync.Mutex
	waiting []*changelogAsk
	awaited *pageFuture
}

// changelogAsk is one page's cut changelogs: the page, the issues' ids and
// the histories they hold in all (the search page's totals), and, once
// done is closed, what the bulk answer held for them or why it failed.
type changelogAsk struct {
	page      *pageFuture
	ids       []string
	histories int
	done      chan struct{}
	got       map[string][]json.RawMessage
	err       error
}

func newChangelogBatcher(ctx context.Context, c *Client, wg *sync.WaitGroup) *changelogBatcher {
	return &changelogBatcher{c: c, ctx: ctx, wg: wg}
}

// bulkFetcher returns the whole changelogs of a page's cut issues, by id,
// as bulkChangelogs does; histories is how many they hold in all.
type bulkFetcher func(ctx context.Context, ids []string, histories int) (map[string][]json.RawMessage, error)

// forPage is the bulkFetcher of one page of the search.
func (b *changelogBatcher) forPage(page *pageFuture) bulkFetcher {
	return func(ctx context.Context, ids []string, histories int) (map[string][]json.RawMessage, error) {
		return b.fetch(ctx, page, ids, histories)
	}
}

// fetch returns the whole changelogs of the issues of a page, by id, as
// bulkChangelogs does; histories is how many they hold in all.
func (b *changelogBatcher) fetch(ctx context.Context, page *pageFuture, ids []string, histories int) (map[string][]json.RawMessage, error) {
	ask := &changelogAsk{page: page, ids: ids, histories: histories, done: make(chan struct{})}
	b.mu.Lock()
	b.waiting = append(b.waiting, ask)
	b.sendLocked()
	b.mu.Unlock()
	select {
	case <-ask.done:
		return ask.got, ask.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// await says which page the search waits for (nil: none), whose ask is
// then sent without waiting for a batch to fill.
func (b *changelogBatcher) await(page *pageFuture) {
	b.mu.Lock()
	b.awaited = page
	b.sendLocked()
	b.mu.Unlock()
}

// sendLocked sends every full batch of the waiting asks, oldest first, and
// the awaited page's ask with as many others as fit; each batch is a
// request of its own.
func (b *changelogBatcher) sendLocked() {
	if b.awaited != nil {
		// The awaited page's ask goes first, into the next batch.
		if i := slices.IndexFunc(b.waiting, func(a *changelogAsk) bool { return a.page == b.awaited }); i > 0 {
			ask := b.waiting[i]
			copy(b.waiting[1:i+1], b.waiting[:i])
			b.waiting[0] = ask
		}
	}
	for len(b.waiting) > 0 {
		n, full := b.batchLocked()
		if !full && (b.awaited == nil || b.waiting[0].page != b.awaited) {
			return // it waits to be filled
		}
		b.sendBatchLocked(n)
	}
}

// batchLocked says how many of the oldest waiting asks fit in a request
// (at least one), and whether they fill it.
func (b *changelogBatcher) batchLocked() (n int, full bool) {
	histories, issues := 0, 0
	for n < len(b.waiting) {
		next := b.waiting[n]
		if n > 0 && (histories+next.histories > bulkHistoriesPerRequest || issues+len(next.ids) > bulkIssuesPerRequest) {
			return n, true
		}
		histories += next.histories
		issues += len(next.ids)
		n++
	}
	return n, histories >= bulkHistoriesPerRequest
}

// sendBatchLocked sends the n oldest waiting asks in one request.
func (b *changelogBatcher) sendBatchLocked(n int) {
	batch := slices.Clone(b.waiting[:n])
	b.waiting = b.waiting[n:]
	b.wg.Add(1)
	go b.send(batch)
}

// send fetches the changelogs of a batch in one bulk request (more when
// Jira pages the answer) and gives each ask its issues'.
func (b *changelogBatcher) send(batch []*changelogAsk) {
	defer b.wg.Done()
	var ids []string
	for _, ask := range batch {
		ids = append(ids, ask.ids...)
	}
	got, err := b.c.bulkChangelogs(b.ctx, ids)
	for _, ask := range batch {
		ask.err = err
		if err == nil {
			ask.got = make(map[string][]json.RawMessage, len(ask.ids))
			for _, id := range ask.ids {
				if histories, ok := got[id]; ok {
					ask.got[id] = histories
				}
			}
		}
		close(ask.done)
	}
}
