package hostlib

import (
	"context"
	"io"
	"net/http"
	"strings"

	"github.com/asyncgen/asyncgen/runtime"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// Response is what http.get returns to the script.
type Response struct {
	Status  int               `agen:"status"`
	Headers map[string]string `agen:"headers"` // repeated headers joined by ", "
	Text    string            `agen:"text"`
	URL     string            `agen:"url"`
}

// HTTP returns the http module, whose requests go through client
// (http.DefaultClient if nil):
//
//	r = await http.get(url)   # r.status, r.headers (dict), r.text
//
// A status of 400 or more is not an error; a failed request is an
// OSError with Go's message. Cancelling the awaiting task aborts the
// request.
func HTTP(client *http.Client) *runtime.HostModule {
	if client == nil {
		client = http.DefaultClient
	}
	get := func(ctx context.Context, args []any) (any, error) {
		url, ok := "", len(args) == 1
		if ok {
			url, ok = args[0].(string)
		}
		if !ok {
			return nil, value.Errorf(value.TypeError, "get() takes one str argument")
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return nil, value.Errorf(value.ValueError, "%s", err.Error())
		}
		resp, err := client.Do(req)
		if err != nil {
			return nil, value.Errorf(value.OSError, "%s", err.Error())
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, value.Errorf(value.OSError, "%s", err.Error())
		}
		h := make(map[string]string, len(resp.Header))
		for k, vs := range resp.Header {
			h[k] = strings.Join(vs, ", ")
		}
		return Response{Status: resp.StatusCode, Headers: h, Text: string(body), URL: url}, nil
	}
	return &runtime.HostModule{Name: "http", Members: map[string]any{"get": runtime.BlockingFunc(get)}}
}
