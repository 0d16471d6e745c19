// go-goroutines: the blog's Go client. One goroutine per request, the
// net/http default Transport, every body decoded with encoding/json, and a
// sync.WaitGroup to wait for them all. It speaks the pokebench peer protocol
// (see peers/README.md): input from POKEBENCH_* variables, one JSON line out.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

const (
	protocol         = "pokebench-peer/1"
	species          = 1025
	maxErrorMessages = 10
)

type model struct {
	Kind string `json:"kind"`
	K    int    `json:"k,omitempty"`
}

type cpu struct {
	User   float64 `json:"user"`
	System float64 `json:"system"`
}

type counts struct {
	Ok           int `json:"ok"`
	HTTPError    int `json:"http-error"`
	NetworkError int `json:"network-error"`
	Timeout      int `json:"timeout"`
}

type report struct {
	Protocol string  `json:"protocol"`
	Client   string  `json:"client"`
	Model    model   `json:"model"`
	WallMs   float64 `json:"wallMs"`
	CPUMs    cpu     `json:"cpuMs"`
	// RunQueueMs is omitted where the kernel does not tell (not Linux).
	RunQueueMs *float64       `json:"runQueueMs,omitempty"`
	Counts     counts         `json:"counts"`
	DelaysMs   []*float64     `json:"delaysMs"`
	Errors     map[string]int `json:"errors,omitempty"`
}

// outcome is how one request ended: exactly one per request.
type outcome struct {
	kind    string // ok, http-error, network-error, timeout
	delayMs *float64
	message string
}

func main() {
	base := strings.TrimRight(required("POKEBENCH_URL"), "/")
	n := intVar("POKEBENCH_N", -1, 0)
	timeoutMs := intVar("POKEBENCH_TIMEOUT_MS", 30000, 1)
	pool := 0
	if raw := os.Getenv("POKEBENCH_POOL"); raw != "" && raw != "unlimited" {
		pool = intVar("POKEBENCH_POOL", 0, 1)
	}

	// The default Transport, as the blog used it. Its MaxIdleConnsPerHost is 2:
	// once a burst ends, all but 2 connections are closed, so a fan-out keeps
	// opening new ones (connection churn). That is the default client's cost, and
	// part of what this peer measures. POKEBENCH_POOL caps connections per host.
	transport := http.DefaultTransport
	m := model{Kind: "concurrent"}
	if pool > 0 {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxConnsPerHost = pool
		t.MaxIdleConnsPerHost = pool
		transport = t
		m = model{Kind: "bounded", K: pool}
	}
	// Proxy: the default Transport reads HTTP_PROXY, but never proxies loopback.
	client := &http.Client{Timeout: time.Duration(timeoutMs) * time.Millisecond, Transport: transport}

	urls := make([]string, n)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/api/v2/pokemon/%d", base, i%species+1)
	}
	outcomes := make([]outcome, n)

	startUsage := rusage()
	startWaits := runQueueWaits()
	start := time.Now() // monotonic
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Add(1)
		go func(i int, url string) {
			defer wg.Done()
			outcomes[i] = fetch(client, url)
		}(i, url)
	}
	wg.Wait()
	wall := time.Since(start)
	endUsage := rusage()
	endWaits := runQueueWaits()

	r := report{
		Protocol: protocol,
		Client:   "go-goroutines",
		Model:    m,
		WallMs:   float64(wall.Microseconds()) / 1000,
		CPUMs: cpu{
			User:   ms(endUsage.Utime) - ms(startUsage.Utime),
			System: ms(endUsage.Stime) - ms(startUsage.Stime),
		},
		DelaysMs: make([]*float64, n),
		Errors:   map[string]int{},
	}
	if startWaits != nil && endWaits != nil {
		// Threads started inside the window count from 0; one that ended inside it is not counted.
		var ns int64
		for tid, w := range endWaits {
			if d := w - startWaits[tid]; d > 0 {
				ns += d
			}
		}
		v := float64(ns) / 1e6
		r.RunQueueMs = &v
	}
	for i, o := range outcomes {
		r.DelaysMs[i] = o.delayMs
		switch o.kind {
		case "ok":
			r.Counts.Ok++
		case "http-error":
			r.Counts.HTTPError++
		case "timeout":
			r.Counts.Timeout++
		default:
			r.Counts.NetworkError++
		}
		if o.message != "" {
			key := o.message
			if _, seen := r.Errors[key]; !seen && len(r.Errors) >= maxErrorMessages {
				key = "other"
			}
			r.Errors[key]++
		}
	}
	line, err := json.Marshal(r)
	if err != nil {
		fail(err.Error())
	}
	fmt.Println(string(line))
}

// fetch sends one request and classifies how it ended.
func fetch(client *http.Client, url string) outcome {
	resp, err := client.Get(url)
	if err != nil {
		return failed(err)
	}
	defer resp.Body.Close()
	delay := delayOf(resp)
	// Client.Timeout covers reading the body too, so read it whole before judging.
	// A body cut short is no complete response: no delay, as in the Python peers.
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return failed(err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return outcome{"http-error", delay, fmt.Sprintf("HTTP %d", resp.StatusCode)}
	}
	var pokemon map[string]any // the blog decoded every body; so does every peer
	if err := json.Unmarshal(body, &pokemon); err != nil {
		return outcome{"network-error", delay, "invalid JSON"}
	}
	return outcome{"ok", delay, ""}
}

func failed(err error) outcome {
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return outcome{"timeout", nil, "timeout"}
	}
	// Without the *url.Error wrapper ("Get \"http://.../25\": EOF"), so the
	// message does not differ per request and errors group.
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	message := err.Error()
	if len(message) > 80 {
		message = message[:80]
	}
	return outcome{"network-error", nil, message}
}

func delayOf(resp *http.Response) *float64 {
	v, err := strconv.ParseFloat(resp.Header.Get("x-mock-delay-ms"), 64)
	if err != nil {
		return nil
	}
	return &v
}

// runQueueWaits is each thread's run-queue wait so far, ns, by thread id: the
// time it was ready to run and waited for a CPU (Linux's
// /proc/self/task/*/schedstat); nil where the kernel does not tell.
func runQueueWaits() map[string]int64 {
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return nil
	}
	waits := make(map[string]int64, len(tasks))
	for _, t := range tasks {
		b, err := os.ReadFile("/proc/self/task/" + t.Name() + "/schedstat")
		if err != nil {
			continue // a thread that ended meanwhile
		}
		fields := strings.Fields(string(b))
		if len(fields) < 2 {
			continue
		}
		if w, err := strconv.ParseInt(fields[1], 10, 64); err == nil {
			waits[t.Name()] = w
		}
	}
	return waits
}

func rusage() syscall.Rusage {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		fail("getrusage: " + err.Error())
	}
	return u
}

func ms(t syscall.Timeval) float64 {
	return float64(t.Sec)*1000 + float64(t.Usec)/1000
}

func required(name string) string {
	v := os.Getenv(name)
	if v == "" {
		fail(name + " is required (see peers/README.md).")
	}
	return v
}

// intVar reads a whole number >= min; fallback -1 means required.
func intVar(name string, fallback, min int) int {
	raw := os.Getenv(name)
	if raw == "" {
		if fallback < 0 {
			fail(name + " is required (see peers/README.md).")
		}
		return fallback
	}
	v, err := strconv.Atoi(raw)
	if err != nil || v < min || strings.HasPrefix(raw, "+") {
		fail(fmt.Sprintf("%s must be a whole number >= %d, got %q.", name, min, raw))
	}
	return v
}

// fail reports bad input on stderr and exits 2, printing no report.
func fail(message string) {
	fmt.Fprintln(os.Stderr, "pokebench peer: "+message)
	os.Exit(2)
}
