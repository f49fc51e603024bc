// Package team runs a team's sync: laptops that each keep their full
// SQLite file and meet on a shared PostgreSQL server (data/teamserver).
//
// A sync is a pull, then a push. The pull writes the others' changes in
// one local transaction; a field changed here and there since the last
// sync keeps the server's value and becomes a conflict that records the
// other; then, if both sides had changes, the rules `check` verifies run,
// and a change of this laptop that breaks one is undone and listed as a
// conflict with the reason. The push sends what changed here in one
// server transaction, only if nobody pushed since the pull (else it pulls
// again); the local bookkeeping follows in one local transaction once the
// server committed. Whatever breaks in between, the next sync converges.
package team

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"channeldesk/app/check"
	"channeldesk/data"
	"channeldesk/data/teamserver"
)

// Progress reports a stage of a sync (for the GUI's progress bar).
type Progress func(stage string, done, total int)

// Options are a sync's choices.
type Options struct {
	Password string   // overrides the keychain and PGPASSWORD
	Progress Progress // may be nil
}

// Result is what a sync moved.
type Result struct {
	Pulled    int                 // records changed by others and written here
	Pushed    int                 // records changed here and sent
	Conflicts []data.TeamConflict // conflicts found by this sync
	Retries   int                 // pulls again because others pushed meanwhile
}

// Errors with a message for people (translated by the caller via Key).
var (
	ErrNotTeam = &data.Error{Code: data.EINVALID, Key: "team.err_not_team"}
)

func errKey(code, key string, args map[string]any) error {
	return &data.Error{Code: code, Key: key, Args: args}
}

// CleanURL is the server URL without a password (what the file keeps), and the password it held.
func CleanURL(raw string) (clean, password string, err error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
		return "", "", errKey(data.EINVALID, "team.err_url", map[string]any{"URL": redact(raw)})
	}
	if u.User != nil {
		password, _ = u.User.Password()
		u.User = url.User(u.User.Username())
	}
	return u.String(), password, nil
}

// redact hides a password in a URL for messages.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		if err != nil {
			return "(unreadable URL)"
		}
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

func connect(ctx context.Context, rawURL, password string) (*teamserver.Server, error) {
	clean, inURL, err := CleanURL(rawURL)
	if err != nil {
		return nil, err
	}
	if password == "" {
		password = inURL
	}
	if password == "" {
		password = KeychainPassword(clean)
	}
	srv, err := teamserver.Connect(ctx, clean, password)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var cv *tls.CertificateVerificationError
		var ua x509.UnknownAuthorityError
		var he x509.HostnameError
		var ci x509.CertificateInvalidError
		if errors.As(err, &cv) || errors.As(err, &ua) || errors.As(err, &he) || errors.As(err, &ci) {
			reason := err.Error()
			if cv != nil {
				reason = cv.Err.Error()
			}
			return nil, errKey(data.EINVALID, "team.err_tls", map[string]any{"URL": clean, "Reason": reason})
		}
		return nil, errKey(data.EINVALID, "team.err_connect", map[string]any{"URL": clean, "Reason": strings.ReplaceAll(err.Error(), password+"@", "")})
	}
	return srv, nil
}

func newBatch() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func now(s *data.Store) string { return s.Now().UTC().Format(time.RFC3339) }

// Init makes the server's schema in an empty PostgreSQL database, uploads
// this laptop's data as the team's starting state, and makes this laptop
// member 1. It returns a note for the owner when the server could not
// make the team's role.
func Init(ctx context.Context, s *data.Store, rawURL, name, password string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", data.Invalid("name", "team.err_name", nil)
	}
	if s.InTeam() {
		return "", errKey(data.ECONFLICT, "team.err_already_member", nil)
	}
	clean, inURL, err := CleanURL(rawURL)
	if err != nil {
		return "", err
	}
	srv, err := connect(ctx, rawURL, password)
	if err != nil {
		return "", err
	}
	defer srv.Close()
	teamID, note, err := srv.Init(ctx, name, data.SchemaVersion(), func(yield func(teamserver.Row) error) error {
		return s.TeamScan(ctx, func(table, key string, row []byte) error {
			return yield(teamserver.Row{Table: table, Key: key, Data: row})
		})
	})
	if errors.Is(err, teamserver.ErrAlreadyTeam) {
		return "", errKey(data.ECONFLICT, "team.err_server_has_team", map[string]any{"URL": clean})
	}
	if err != nil {
		return "", serverErr(ctx, err)
	}
	if err := s.BecomeTeamMember(ctx, data.TeamSelf{MemberNo: 1, Name: name, URL: clean, TeamID: teamID, LastSync: now(s)}); err != nil {
		return "", err
	}
	rememberPassword(clean, firstNonEmpty(password, inURL))
	return note, nil
}

func firstNonEmpty(a ...string) string {
	for _, s := range a {
		if s != "" {
			return s
		}
	}
	return ""
}

// Join makes a new local database at path (which must not exist yet, or
// be empty) from the team's data and makes this laptop a new member. The
// file is written beside path in a temporary folder (path + ".joining")
// and renamed into place at the end: a join cut off anywhere leaves no
// file at path. The caller opens path afterwards.
func Join(ctx context.Context, path, rawURL, name, password string, progress Progress) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return data.Invalid("name", "team.err_name", nil)
	}
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		return data.Conflict("team.err_join_exists", map[string]any{"Path": path})
	}
	clean, inURL, err := CleanURL(rawURL)
	if err != nil {
		return err
	}
	if progress == nil {
		progress = func(string, int, int) {}
	}
	progress("connect", 0, 0)
	srv, err := connect(ctx, rawURL, password)
	if err != nil {
		return err
	}
	defer srv.Close()
	info, err := srv.Info(ctx)
	if err != nil {
		return serverErr(ctx, err)
	}
	if err := versionErr(info.SchemaVersion); err != nil {
		return err
	}
	if err := layoutErr(info.Layout); err != nil {
		return err
	}
	tmpDir := path + ".joining"
	os.RemoveAll(tmpDir) // what a join cut off before left
	if err := os.MkdirAll(tmpDir, 0o700); err != nil {
		return data.FileFailure(path, err)
	}
	defer os.RemoveAll(tmpDir)
	tmp := filepath.Join(tmpDir, filepath.Base(path))
	s, err := data.Open(tmp)
	if err != nil {
		return err
	}
	defer func() {
		if s != nil {
			s.Close()
		}
	}()
	no, err := srv.Join(ctx, name)
	if err != nil {
		if errors.Is(err, teamserver.ErrNameTaken) {
			return errKey(data.ECONFLICT, "team.err_name_taken", map[string]any{"Name": name})
		}
		return serverErr(ctx, err)
	}
	var seq int64
	total, n := 0, 0
	err = s.TeamLoad(ctx, func(put func(table, key string, row []byte) error) error {
		var err error
		seq, err = srv.Snapshot(ctx, func(t int64) { total = int(t); progress("join", 0, total) }, func(r teamserver.Row) error {
			if err := put(r.Table, r.Key, r.Data); err != nil {
				return err
			}
			n++
			if n%5000 == 0 {
				progress("join", n, total)
			}
			return nil
		})
		return err
	})
	if err != nil {
		return serverErr(ctx, err)
	}
	progress("join", total, total)
	if err := s.BecomeTeamMember(ctx, data.TeamSelf{MemberNo: no, Name: name, URL: clean, TeamID: info.TeamID, LastSeq: seq, LastSync: now(s)}); err != nil {
		return err
	}
	// From here the log may lose what came before the snapshot.
	if err := srv.Touch(ctx, no, seq); err != nil {
		return serverErr(ctx, err)
	}
	err = s.Close()
	s = nil
	if err != nil {
		return data.FileFailure(path, err)
	}
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		return data.Conflict("team.err_join_exists", map[string]any{"Path": path})
	}
	if err := os.Rename(tmp, path); err != nil {
		return data.FileFailure(path, err)
	}
	rememberPassword(clean, firstNonEmpty(password, inURL))
	return nil
}

// layoutErr: the server's own tables are older or newer than this app's.
func layoutErr(server int) error {
	switch {
	case server > teamserver.Layout:
		return errKey(data.ECONFLICT, "team.err_layout_newer", nil)
	case server < teamserver.Layout:
		return errKey(data.ECONFLICT, "team.err_layout_older", nil)
	}
	return nil
}

func versionErr(server int) error {
	mine := data.SchemaVersion()
	switch {
	case server > mine:
		return errKey(data.ECONFLICT, "team.err_app_older", map[string]any{"Server": server, "Mine": mine})
	case server < mine:
		return errKey(data.ECONFLICT, "team.err_server_older", map[string]any{"Server": server, "Mine": mine})
	}
	return nil
}

func serverErr(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	switch {
	case errors.Is(err, teamserver.ErrRemoved):
		return errKey(data.EINVALID, "team.err_removed", nil)
	case errors.Is(err, teamserver.ErrNotMember), teamserver.IsPermission(err):
		return errKey(data.EINVALID, "team.err_not_member", nil)
	case errors.Is(err, teamserver.ErrNotInitialised):
		return errKey(data.EINVALID, "team.err_no_team_on_server", nil)
	case teamserver.IsBusy(err):
		return errKey(data.EINVALID, "team.err_locked", map[string]any{"Seconds": int(teamserver.LockTimeout.Seconds())})
	}
	var de *data.Error
	if errors.As(err, &de) {
		return err
	}
	return errKey(data.EINVALID, "team.err_server", map[string]any{"Reason": err.Error()})
}

// Upgrade moves the team's server to this app's schema version; the
// caller has asked for (and the owner made) a backup of the server.
func Upgrade(ctx context.Context, s *data.Store, password string) error {
	self, err := s.TeamSelf(ctx)
	if err != nil {
		return err
	}
	if self == nil {
		return ErrNotTeam
	}
	srv, err := connect(ctx, self.URL, password)
	if err != nil {
		return err
	}
	defer srv.Close()
	info, err := srv.Info(ctx)
	if err != nil {
		return serverErr(ctx, err)
	}
	if info.SchemaVersion > data.SchemaVersion() {
		return versionErr(info.SchemaVersion)
	}
	if info.Layout > teamserver.Layout {
		return layoutErr(info.Layout)
	}
	if info.Layout < teamserver.Layout {
		if err := srv.MigrateLayout(ctx); err != nil {
			return serverErr(ctx, err)
		}
	}
	return serverErr(ctx, srv.SetSchemaVersion(ctx, data.SchemaVersion()))
}

// UpgradeNeeded reports whether the team's server is older than this app
// (schema or the server's own tables): Upgrade moves it on, after a backup.
func UpgradeNeeded(ctx context.Context, s *data.Store, password string) (bool, error) {
	self, err := s.TeamSelf(ctx)
	if err != nil || self == nil {
		return false, err
	}
	srv, err := connect(ctx, self.URL, password)
	if err != nil {
		return false, err
	}
	defer srv.Close()
	info, err := srv.Info(ctx)
	if err != nil {
		return false, serverErr(ctx, err)
	}
	return info.SchemaVersion < data.SchemaVersion() || info.Layout < teamserver.Layout, nil
}

// Trim deletes from the server's log the changes every active member has
// pulled (a sync does it too) and returns how many went.
func Trim(ctx context.Context, s *data.Store, password string) (int64, error) {
	self, err := s.TeamSelf(ctx)
	if err != nil {
		return 0, err
	}
	if self == nil {
		return 0, ErrNotTeam
	}
	srv, err := connect(ctx, self.URL, password)
	if err != nil {
		return 0, err
	}
	defer srv.Close()
	info, err := srv.Info(ctx)
	if err != nil {
		return 0, serverErr(ctx, err)
	}
	if err := layoutErr(info.Layout); err != nil {
		return 0, err
	}
	if err := srv.CheckMember(ctx, self.MemberNo); err != nil {
		return 0, serverErr(ctx, err)
	}
	n, err := srv.Trim(ctx)
	return n, serverErr(ctx, err)
}

// Members lists the team as the server has it.
func Members(ctx context.Context, s *data.Store, password string) ([]teamserver.Member, error) {
	self, err := s.TeamSelf(ctx)
	if err != nil {
		return nil, err
	}
	if self == nil {
		return nil, ErrNotTeam
	}
	srv, err := connect(ctx, self.URL, password)
	if err != nil {
		return nil, err
	}
	defer srv.Close()
	m, err := srv.Members(ctx)
	if err != nil {
		return nil, serverErr(ctx, err)
	}
	return m, nil
}

// Roster is the team as the server has it, and whether this laptop's
// login is the team's owner: the one who may remove members (Settings ›
// Team offers the removal and the trimming of the log only to the owner).
type Roster struct {
	Members []Member
	Owner   bool
}

// ReadRoster lists the team and what this login may do with it, over one
// connection.
func ReadRoster(ctx context.Context, s *data.Store, password string) (Roster, error) {
	self, err := s.TeamSelf(ctx)
	if err != nil {
		return Roster{}, err
	}
	if self == nil {
		return Roster{}, ErrNotTeam
	}
	srv, err := connect(ctx, self.URL, password)
	if err != nil {
		return Roster{}, err
	}
	defer srv.Close()
	var r Roster
	if r.Members, err = srv.Members(ctx); err != nil {
		return Roster{}, serverErr(ctx, err)
	}
	if r.Owner, err = srv.MayRemove(ctx); err != nil {
		return Roster{}, serverErr(ctx, err)
	}
	return r, nil
}

// Member is one member of the team as the server has it.
type Member = teamserver.Member

// Removed is what a removal managed.
type Removed = teamserver.Removal

// Remove takes a member out of the team; it can no longer sync. When this
// login may not take the team's role from the member's PostgreSQL login,
// the removal still stands and the result says why (Revoked false, Why).
func Remove(ctx context.Context, s *data.Store, name, password string) (Removed, error) {
	self, err := s.TeamSelf(ctx)
	if err != nil {
		return Removed{}, err
	}
	if self == nil {
		return Removed{}, ErrNotTeam
	}
	srv, err := connect(ctx, self.URL, password)
	if err != nil {
		return Removed{}, err
	}
	defer srv.Close()
	r, err := srv.Remove(ctx, name)
	switch {
	case errors.Is(err, teamserver.ErrNotMember):
		return r, errKey(data.ENOTFOUND, "team.err_no_such_member", map[string]any{"Name": name})
	case errors.Is(err, teamserver.ErrMayNotRemove):
		return r, errKey(data.EINVALID, "team.err_may_not_remove", map[string]any{"Name": name})
	case err != nil:
		return r, serverErr(ctx, err)
	}
	return r, nil
}

// Session keeps one connection to the team's server across syncs (the
// GUI's automatic sync); a sync after a failure connects again.
type Session struct {
	s   *data.Store
	srv *teamserver.Server
}

// NewSession makes a session for a team database; it connects at the first sync.
func NewSession(s *data.Store) *Session { return &Session{s: s} }

// Close ends the session's connection.
func (x *Session) Close() {
	if x.srv != nil {
		x.srv.Close()
		x.srv = nil
	}
}

// Sync pulls the others' changes and pushes this laptop's, over one new connection.
func Sync(ctx context.Context, s *data.Store, opt Options) (Result, error) {
	x := NewSession(s)
	defer x.Close()
	return x.Sync(ctx, opt)
}

// Sync pulls the others' changes and pushes this laptop's.
func (x *Session) Sync(ctx context.Context, opt Options) (Result, error) {
	res, err := x.sync(ctx, opt)
	if err != nil {
		x.Close() // whatever state the connection is in, the next sync starts afresh
	}
	return res, err
}

func (x *Session) sync(ctx context.Context, opt Options) (Result, error) {
	var res Result
	s := x.s
	self, err := s.TeamSelf(ctx)
	if err != nil {
		return res, err
	}
	if self == nil {
		return res, ErrNotTeam
	}
	prog := opt.Progress
	if prog == nil {
		prog = func(string, int, int) {}
	}
	if x.srv == nil || x.srv.Conn().IsClosed() {
		prog("connect", 0, 0)
		if x.srv, err = connect(ctx, self.URL, opt.Password); err != nil {
			return res, err
		}
	}
	srv := x.srv
	info, err := srv.Info(ctx)
	if teamserver.IsPermission(err) && srv.Removed(ctx) {
		return res, serverErr(ctx, teamserver.ErrRemoved)
	}
	if err != nil {
		return res, serverErr(ctx, err)
	}
	if info.TeamID != self.TeamID {
		return res, errKey(data.ECONFLICT, "team.err_other_team", nil)
	}
	if err := versionErr(info.SchemaVersion); err != nil {
		return res, err
	}
	if err := layoutErr(info.Layout); err != nil {
		return res, err
	}
	if err := srv.CheckMember(ctx, self.MemberNo); err != nil {
		return res, serverErr(ctx, err)
	}
	for attempt := 0; ; attempt++ {
		if attempt >= 20 {
			return res, errKey(data.ECONFLICT, "team.err_busy", nil)
		}
		prog("pull", 0, 0)
		baseline, err := baselineFindings(ctx, s, srv)
		if err != nil {
			return res, err
		}
		n, confl, err := pull(ctx, s, srv, prog)
		res.Pulled += n
		res.Conflicts = append(res.Conflicts, confl...)
		if err == nil {
			err = hook("pulled", srv)
		}
		if err != nil {
			return res, err
		}
		confl, err = enforceRules(ctx, s, baseline)
		res.Conflicts = append(res.Conflicts, confl...)
		if err != nil {
			return res, err
		}
		prog("push", 0, 0)
		pushed, err := push(ctx, s, srv)
		if errors.Is(err, teamserver.ErrMoved) {
			res.Retries++
			continue
		}
		if err != nil {
			return res, err
		}
		res.Pushed = pushed
		prog("done", 1, 1)
		return res, nil
	}
}

// testHook, set by tests, runs at the points where a sync may be cut off
// (a killed process, a dropped connection); an error ends the sync there.
var testHook func(stage string, srv *teamserver.Server) error

func hook(stage string, srv *teamserver.Server) error {
	if testHook == nil {
		return nil
	}
	return testHook(stage, srv)
}

// pull writes the changes others pushed since the last sync.
func pull(ctx context.Context, s *data.Store, srv *teamserver.Server, prog Progress) (int, []data.TeamConflict, error) {
	self, err := s.TeamSelf(ctx)
	if err != nil {
		return 0, nil, err
	}
	changes, err := srv.Changes(ctx, self.LastSeq)
	if err != nil {
		return 0, nil, serverErr(ctx, err)
	}
	if len(changes) == 0 {
		return 0, nil, nil
	}
	// The last change of each record is its value now.
	type key struct{ t, k string }
	last := map[key]int{}
	for i, c := range changes {
		last[key{c.Row.Table, c.Row.Key}] = i
	}
	var order []int
	for _, i := range last {
		order = append(order, i)
	}
	sort.Ints(order)
	maxSeq := changes[len(changes)-1].Seq
	var conflicts []data.TeamConflict
	applied := 0
	err = s.TeamApply(ctx, func(t *data.TeamTx) error {
		conflicts = conflicts[:0]
		applied = 0
		pend, err := t.Pending()
		if err != nil {
			return err
		}
		merged := len(pend) > 0
		if err := t.Guard(true); err != nil {
			return err
		}
		dealsArrived := false
		for n, i := range order {
			c := changes[i]
			if n%1000 == 0 {
				prog("pull", n, len(order))
			}
			if _, ok := t.Table(c.Row.Table); !ok {
				continue
			}
			remote, err := data.DecodeTeamRow(c.Row.Data)
			if err != nil {
				return err
			}
			who, at := c.AuthorName, c.At.UTC().Format(time.RFC3339)
			cs, err := merge(t, self.Name, c.Row.Table, c.Row.Key, remote, who, at, c.Author == self.MemberNo)
			if err != nil {
				return fmt.Errorf("%s %s: %w", c.Row.Table, c.Row.Key, err)
			}
			conflicts = append(conflicts, cs...)
			applied++
			dealsArrived = dealsArrived || c.Row.Table == "deals"
		}
		cs, err := repairForeignKeys(t, self.Name)
		if err != nil {
			return err
		}
		conflicts = append(conflicts, cs...)
		if err := t.Guard(false); err != nil {
			return err
		}
		if dealsArrived && merged {
			var ids []int64
			for _, p := range pend {
				if p.Table == "deals" && p.Cur != nil {
					if id, ok := intKey(p.Key); ok {
						ids = append(ids, id)
					}
				}
			}
			if err := t.FlagDealConflicts(ids); err != nil {
				return err
			}
		}
		for _, c := range conflicts {
			if err := t.AddConflict(c); err != nil {
				return err
			}
		}
		return t.SetSync(maxSeq, now(s), merged)
	})
	if err != nil {
		return 0, nil, err
	}
	return applied, conflicts, nil
}

func intKey(key string) (int64, bool) {
	var id int64
	_, err := fmt.Sscanf(key, "[%d]", &id)
	return id, err == nil
}

// merge writes one record as the server has it now, keeping what only
// this laptop changed, and returns the conflicts.
// own is an echo of this laptop's own push whose answer was lost: what
// was changed here since is newer than it.
func merge(t *data.TeamTx, me, table, key string, remote data.TeamRow, who, at string, own bool) ([]data.TeamConflict, error) {
	p, err := t.PendingFor(table, key)
	if err != nil {
		return nil, err
	}
	if p != nil && own {
		if data.TeamRowsEqual(p.Cur, remote) {
			return nil, t.DropPending(table, key)
		}
		return nil, t.SetBase(table, key, remote)
	}
	conflict := func(field string, kept, other, base any, reason string) data.TeamConflict {
		at2 := ""
		if p != nil {
			at2 = p.At
		}
		return data.TeamConflict{Table: table, Key: key, Field: field, Kept: kept, Other: other, Base: base,
			KeptBy: who, KeptAt: at, OtherBy: me, OtherAt: at2, Reason: reason}
	}
	put := func(r data.TeamRow) ([]data.TeamConflict, error) {
		dropped, err := t.Put(table, key, r)
		var out []data.TeamConflict
		for _, d := range dropped {
			c := conflict("*", map[string]any(r), map[string]any(d.Cur), nil, "duplicate")
			c.Key = d.Key
			out = append(out, c)
		}
		return out, err
	}
	if p == nil {
		if remote == nil {
			return nil, t.Delete(table, key)
		}
		return put(remote)
	}
	local, base := p.Cur, p.Base
	switch {
	case remote == nil && local == nil:
		return nil, t.DropPending(table, key)
	case remote == nil && base == nil:
		return nil, nil // made here under a key the others deleted: it stays, and goes up
	case remote == nil:
		if err := t.Delete(table, key); err != nil {
			return nil, err
		}
		return []data.TeamConflict{conflict("*", nil, map[string]any(local), map[string]any(base), "edit_deleted")}, t.DropPending(table, key)
	case local == nil && base != nil:
		if data.TeamRowsEqual(remote, base) {
			return nil, nil // they did not really change it: the deletion stands
		}
		cs, err := put(remote)
		if err != nil {
			return nil, err
		}
		cs = append(cs, conflict("*", map[string]any(remote), nil, map[string]any(base), "deleted_edited"))
		return cs, t.DropPending(table, key)
	case local == nil:
		cs, err := put(remote)
		if err != nil {
			return nil, err
		}
		return cs, t.DropPending(table, key)
	}
	m := data.TeamRow{}
	for k, v := range remote {
		m[k] = v
	}
	var out []data.TeamConflict
	fields := make([]string, 0, len(local))
	for f := range local {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		lv, rv := local[f], remote[f]
		var bv any
		if base != nil {
			bv = base[f]
		}
		if _, had := remote[f]; !had {
			m[f] = lv
			continue
		}
		if base != nil && data.TeamValueEqual(lv, bv) {
			continue // not changed here
		}
		if f == "updated_at" { // bookkeeping, not typed: the later one
			if ls, rs := fmt.Sprint(lv), fmt.Sprint(rv); ls > rs {
				m[f] = lv
			}
			continue
		}
		if data.TeamValueEqual(rv, lv) || base != nil && data.TeamValueEqual(rv, bv) {
			m[f] = lv
			continue
		}
		out = append(out, conflict(f, rv, lv, bv, "both_changed"))
	}
	cs, err := put(m)
	if err != nil {
		return nil, err
	}
	out = append(out, cs...)
	if data.TeamRowsEqual(m, remote) {
		return out, t.DropPending(table, key)
	}
	return out, t.SetBase(table, key, remote)
}

// repairForeignKeys settles records whose parent is gone after a merge:
// a parent deleted here that others added to comes back; a record made
// here under a parent others deleted goes (both are listed).
func repairForeignKeys(t *data.TeamTx, me string) ([]data.TeamConflict, error) {
	var out []data.TeamConflict
	for round := 0; round < 50; round++ {
		vs, err := t.ForeignKeyViolations()
		if err != nil || len(vs) == 0 {
			return out, err
		}
		progress := false
		for _, v := range vs {
			if pp, err := t.PendingFor(v.Parent, v.ParentKey); err != nil {
				return nil, err
			} else if pp != nil && pp.Cur == nil && pp.Base != nil {
				if _, err := t.Put(v.Parent, v.ParentKey, pp.Base); err != nil {
					return nil, err
				}
				if err := t.DropPending(v.Parent, v.ParentKey); err != nil {
					return nil, err
				}
				out = append(out, data.TeamConflict{Table: v.Parent, Key: v.ParentKey, Field: "*", Kept: map[string]any(pp.Base),
					Base: map[string]any(pp.Base), OtherBy: me, OtherAt: pp.At, Reason: "deleted_edited",
					Detail: v.Table + " " + v.Key})
				progress = true
				continue
			}
			cp, err := t.PendingFor(v.Table, v.Key)
			if err != nil {
				return nil, err
			}
			if cp == nil || cp.Cur == nil {
				continue
			}
			if err := t.Delete(v.Table, v.Key); err != nil {
				return nil, err
			}
			var base any
			if cp.Base != nil {
				base = map[string]any(cp.Base)
			}
			if cp.Base == nil {
				if err := t.DropPending(v.Table, v.Key); err != nil {
					return nil, err
				}
			}
			out = append(out, data.TeamConflict{Table: v.Table, Key: v.Key, Field: "*", Other: map[string]any(cp.Cur), Base: base,
				OtherBy: me, OtherAt: cp.At, Reason: "edit_deleted", Detail: v.Parent + " " + v.ParentKey})
			progress = true
		}
		if !progress {
			return out, fmt.Errorf("team sync: %d records refer to missing records (first: %s %s, missing %s %s)",
				len(vs), vs[0].Table, vs[0].Key, vs[0].Parent, vs[0].ParentKey)
		}
	}
	return out, nil
}

// push sends the records changed here; 0 when there were none.
func push(ctx context.Context, s *data.Store, srv *teamserver.Server) (int, error) {
	self, err := s.TeamSelf(ctx)
	if err != nil {
		return 0, err
	}
	var pend []data.TeamPending
	err = s.TeamApply(ctx, func(t *data.TeamTx) error {
		pend, err = t.Pending()
		return err
	})
	if err != nil {
		return 0, err
	}
	if len(pend) == 0 {
		return 0, serverErr(ctx, srv.Touch(ctx, self.MemberNo, self.LastSeq))
	}
	rows := make([]teamserver.Row, len(pend))
	for i, p := range pend {
		rows[i] = teamserver.Row{Table: p.Table, Key: p.Key, Data: data.EncodeTeamRow(p.Cur)}
	}
	if err := hook("push", srv); err != nil {
		return 0, err
	}
	seq, err := srv.Push(ctx, newBatch(), self.MemberNo, self.LastSeq, rows)
	if errors.Is(err, teamserver.ErrMoved) {
		return 0, err
	}
	if err == nil {
		err = hook("pushed", srv)
	}
	if err != nil {
		return 0, serverErr(ctx, err)
	}
	// The server has them: what has not changed again since goes off the list.
	err = s.TeamApply(ctx, func(t *data.TeamTx) error {
		for _, p := range pend {
			cur, err := t.Row(p.Table, p.Key)
			if err != nil {
				return err
			}
			if data.TeamRowsEqual(cur, p.Cur) {
				err = t.DropPending(p.Table, p.Key)
			} else {
				err = t.SetBase(p.Table, p.Key, p.Cur)
			}
			if err != nil {
				return err
			}
		}
		self, err := t.Self()
		if err != nil {
			return err
		}
		return t.SetSync(seq, now(s), self.CheckDue)
	})
	return len(pend), err
}

// enforceRules runs after a pull that met local changes: when the rules
// `check` verifies find something new, this laptop's latest changes are
// undone, newest store transaction first, until they hold; each undone
// record is a conflict with the reason.
func enforceRules(ctx context.Context, s *data.Store, baseline map[string]bool) ([]data.TeamConflict, error) {
	self, err := s.TeamSelf(ctx)
	if err != nil || !self.CheckDue {
		return nil, err
	}
	var out []data.TeamConflict
	for {
		all, err := ruleFindings(ctx, s)
		if err != nil {
			return out, err
		}
		var found []string
		for _, f := range all {
			if !baseline[f] {
				found = append(found, f)
			}
		}
		if len(found) == 0 {
			break
		}
		undone := 0
		reason := strings.Join(found, "; ")
		err = s.TeamApply(ctx, func(t *data.TeamTx) error {
			all, err := t.Pending()
			if err != nil {
				return err
			}
			// The conflicts this sync recorded are not changes to undo.
			var pend []data.TeamPending
			for _, p := range all {
				if p.Table != "team_conflicts" {
					pend = append(pend, p)
				}
			}
			if len(pend) == 0 {
				return nil
			}
			var grp int64
			for _, p := range pend {
				if p.Group > grp {
					grp = p.Group
				}
			}
			if err := t.Guard(true); err != nil {
				return err
			}
			var cs []data.TeamConflict
			for _, p := range pend {
				if p.Group != grp {
					continue
				}
				var err error
				if p.Base == nil {
					err = t.Delete(p.Table, p.Key)
				} else {
					_, err = t.Put(p.Table, p.Key, p.Base)
				}
				if err != nil {
					return err
				}
				if err := t.DropPending(p.Table, p.Key); err != nil {
					return err
				}
				c := data.TeamConflict{Table: p.Table, Key: p.Key, Field: "*", OtherBy: self.Name, OtherAt: p.At, Reason: "rule", Detail: reason}
				if p.Base != nil {
					c.Kept, c.Base = map[string]any(p.Base), map[string]any(p.Base)
				}
				if p.Cur != nil {
					c.Other = map[string]any(p.Cur)
				}
				cs = append(cs, c)
				undone++
			}
			if err := t.Guard(false); err != nil {
				return err
			}
			for _, c := range cs {
				if err := t.AddConflict(c); err != nil {
					return err
				}
			}
			out = append(out, cs...)
			return nil
		})
		if err != nil {
			return out, err
		}
		if undone == 0 {
			break // the team's own data breaks the rule: check says so, nothing here to undo
		}
	}
	return out, s.TeamCheckDone(ctx)
}

// ruleFindings are the invariants `check` verifies (without SQLite's page
// check, which only a damaged disk fails).
func ruleFindings(ctx context.Context, s *data.Store) ([]string, error) {
	found, err := check.RunInvariants(ctx, s)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(found))
	for i, f := range found {
		out[i] = f.String()
	}
	return out, nil
}

// baselineFindings are the rule findings before a pull that will meet
// local changes (so only what the merge breaks is undone); nil otherwise.
func baselineFindings(ctx context.Context, s *data.Store, srv *teamserver.Server) (map[string]bool, error) {
	self, err := s.TeamSelf(ctx)
	if err != nil {
		return nil, err
	}
	if self.CheckDue { // a pull merged, then the process stopped before the rules ran
		return map[string]bool{}, nil
	}
	n, err := s.TeamPendingCount(ctx)
	if err != nil || n == 0 {
		return nil, err
	}
	info, err := srv.Info(ctx)
	if err != nil {
		return nil, serverErr(ctx, err)
	}
	if info.Seq == self.LastSeq {
		return nil, nil
	}
	found, err := ruleFindings(ctx, s)
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, f := range found {
		m[f] = true
	}
	return m, nil
}

// TypedValue reads a value typed for a conflict's field: a number when the
// field holds numbers, else the text as typed.
func TypedValue(c data.TeamConflict, typed string) any {
	for _, v := range []any{c.Kept, c.Other, c.Base} {
		if _, num := v.(json.Number); num {
			if _, err := strconv.ParseFloat(strings.TrimSpace(typed), 64); err == nil {
				return json.Number(strings.TrimSpace(typed))
			}
		}
	}
	return typed
}
