package screens

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/team"
)

// membersDialog is Settings › Team › "Who is in the team": the team as the
// server has it. The team's owner may remove a member (whose next sync the
// server then refuses) and trim the server's change log.
type membersDialog struct {
	t      *teamSection
	self   int             // this laptop's member number (no Remove… on one's own row)
	rows   *fyne.Container // one line per member
	owner  *fyne.Container // the owner's actions below the list
	msg    *widget.Label   // what the last action did
	revoke *fyne.Container // the REVOKE to hand to the administrator, when one is needed
	dlg    dialog.Dialog
}

// onMembers reads the team from the server in the background, then shows it.
func (t *teamSection) onMembers() {
	var r team.Roster
	var err error
	self := 0
	t.run(func() {
		ctx := context.Background()
		if me, e := t.store.TeamSelf(ctx); e == nil && me != nil {
			self = me.MemberNo
		}
		r, err = team.ReadRoster(ctx, t.store, "")
	}, func() {
		if err != nil {
			t.showError(err, nil)
			return
		}
		m := &membersDialog{t: t, self: self, rows: container.NewVBox(), owner: container.NewHBox(),
			msg: teamWrap(""), revoke: container.NewVBox()}
		m.fill(r)
		content := container.NewVBox(m.rows, widget.NewSeparator(), m.owner, m.msg, m.revoke)
		m.dlg = dialog.NewCustom(lang.L("team.members"), lang.L("team.close"), container.NewVScroll(content), t.win)
		m.dlg.Resize(fyne.NewSize(720, 420))
		m.dlg.Show()
	})
}

// memberLine is one member as the list shows it: number, name, state and
// last sync in the window's language.
func memberLine(m team.Member, l format.Lang) string {
	state := lang.L("team.member_active")
	if !m.Active {
		state = lang.L("team.member_removed")
	}
	last := lang.L("team.never")
	if m.LastSync != nil {
		last = format.FormatDateTime(*m.LastSync, l)
	}
	return fmt.Sprintf("%d  %s  (%s) – %s: %s", m.No, m.Name, state, lang.L("team.last_sync"), last)
}

// fill shows the members of r, with Remove… on the others' active rows
// and "Trim the change log" when this login is the team's owner.
func (m *membersDialog) fill(r team.Roster) {
	m.rows.Objects = nil
	for _, mem := range r.Members {
		line := widget.NewLabel(memberLine(mem, m.t.lang))
		if !r.Owner || !mem.Active || mem.No == m.self {
			m.rows.Add(line)
			continue
		}
		name := mem.Name
		var btn *widget.Button
		btn = &widget.Button{Text: lang.L("team.remove"), Icon: theme.ContentRemoveIcon(), OnTapped: func() { m.confirmRemove(name, btn) }}
		m.rows.Add(container.NewBorder(nil, nil, nil, btn, line))
	}
	m.rows.Refresh()
	m.owner.Objects = nil
	if r.Owner {
		var trim *widget.Button
		trim = &widget.Button{Text: lang.L("team.trim"), Icon: theme.DeleteIcon(), OnTapped: func() { m.trim(trim) }}
		m.owner.Add(trim)
	}
	m.owner.Refresh()
}

// confirmRemove says what a removal does before it is done.
func (m *membersDialog) confirmRemove(name string, btn *widget.Button) {
	d := dialog.NewCustomConfirm(lang.L("team.remove_title"), lang.L("team.remove_confirm"), lang.L("action.cancel"),
		teamWrap(lang.L("team.remove_text", map[string]any{"Name": name})), func(ok bool) {
			if ok {
				m.remove(name, btn)
			}
		}, m.t.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// remove takes name out of the team in the background, then lists the
// team again and says what the removal managed.
func (m *membersDialog) remove(name string, btn *widget.Button) {
	btn.Disable()
	m.say(lang.L("team.removing", map[string]any{"Name": name}))
	var rem team.Removed
	var r team.Roster
	var err, listErr error
	m.t.run(func() {
		ctx := context.Background()
		if rem, err = team.Remove(ctx, m.t.store, name, ""); err == nil {
			r, listErr = team.ReadRoster(ctx, m.t.store, "")
		}
	}, func() {
		if err != nil {
			btn.Enable()
			m.say("")
			m.t.showError(err, nil)
			return
		}
		m.removed(name, rem)
		if listErr != nil {
			m.t.showError(listErr, nil)
			return
		}
		m.fill(r)
	})
}

// removed tells what a removal managed; when the member's PostgreSQL
// login keeps the team's role, it gives the statement for the server's
// administrator (as `channeldesk team remove` prints it).
func (m *membersDialog) removed(name string, r team.Removed) {
	args := map[string]any{"Name": name, "Login": r.Login, "Role": r.Role, "Why": r.Why}
	switch {
	case r.Revoked:
		m.say(lang.L("team.removed_revoked", args))
	case r.Shared:
		m.say(lang.L("team.removed_shared", args))
	default:
		m.say(lang.L("team.removed_keeps_role", args))
		stmt := fmt.Sprintf("REVOKE %s FROM %s;", r.Role, r.Login)
		code := &widget.Label{Text: stmt, Selectable: true, TextStyle: fyne.TextStyle{Monospace: true}, Wrapping: fyne.TextWrapBreak}
		copyBtn := &widget.Button{Text: lang.L("team.copy"), Icon: theme.ContentCopyIcon(), OnTapped: func() {
			fyne.CurrentApp().Clipboard().SetContent(stmt)
		}}
		m.revoke.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, copyBtn, code)}
		m.revoke.Refresh()
	}
}

// trim deletes from the server's log what every member has pulled, in the
// background, and says how many changes went.
func (m *membersDialog) trim(btn *widget.Button) {
	btn.Disable()
	m.say(lang.L("team.trimming"))
	var n int64
	var err error
	m.t.run(func() {
		n, err = team.Trim(context.Background(), m.t.store, "")
	}, func() {
		btn.Enable()
		if err != nil {
			m.say("")
			m.t.showError(err, nil)
			return
		}
		m.say(lang.L("team.trimmed", map[string]any{"Count": n}))
	})
}

// say shows what the last action did (the REVOKE of an earlier removal goes).
func (m *membersDialog) say(text string) {
	m.msg.SetText(text)
	m.revoke.Objects = nil
	m.revoke.Refresh()
}
