package data

import (
	"context"
	"database/sql"
	"strings"
	"unicode/utf8"
)

// TaskState is where an onboarding task stands.
type TaskState string

// Onboarding task states.
const (
	TaskPending TaskState = "pending"
	TaskWaiting TaskState = "waiting" // waiting for approval
	TaskDone    TaskState = "done"
	TaskBlocked TaskState = "blocked"
	TaskSkipped TaskState = "skipped"
)

// TaskStates lists every task state in display order.
var TaskStates = []TaskState{TaskPending, TaskWaiting, TaskDone, TaskBlocked, TaskSkipped}

// Valid reports whether st is a known task state.
func (st TaskState) Valid() bool {
	for _, x := range TaskStates {
		if x == st {
			return true
		}
	}
	return false
}

// Open reports whether a task in this state still needs work: only open
// tasks can be overdue.
func (st TaskState) Open() bool { return st == TaskPending || st == TaskWaiting || st == TaskBlocked }

// AutoAuthor is who the timeline says did a task a rule completed.
const AutoAuthor = "auto"

// OnboardingTask is one task of a partner's checklist, copied from a template.
type OnboardingTask struct {
	ID          int64
	ChecklistID int64
	Stage       int
	StageEN     string
	StageRU     string
	Position    int
	TitleEN     string
	TitleRU     string
	Kind        TaskKind
	Owner       Side
	DueOn       string // YYYY-MM-DD
	Product     string
	Required    bool
	Target      int
	State       TaskState
	Reason      string // why blocked or skipped
	DoneOn      string // YYYY-MM-DD when done or skipped
	DoneBy      string
}

// Title is the task's title in a language ("ru" or anything else for English).
func (t *OnboardingTask) Title(lang string) string {
	if lang == "ru" {
		return t.TitleRU
	}
	return t.TitleEN
}

// StageName is the task's stage name in a language.
func (t *OnboardingTask) StageName(lang string) string {
	if lang == "ru" {
		return t.StageRU
	}
	return t.StageEN
}

// Overdue reports whether the task is open past its due date on today (ISO).
func (t *OnboardingTask) Overdue(today string) bool {
	return t.State.Open() && t.DueOn != "" && t.DueOn < today
}

// TaskChange is a new state for a task, with the reason, date and who.
type TaskChange struct {
	State  TaskState
	Reason string
	On     string // YYYY-MM-DD
	By     string
}

// Validate checks a state change: blocked and skipped need a reason.
func (c *TaskChange) Validate() error {
	c.Reason = strings.TrimSpace(c.Reason)
	switch {
	case !c.State.Valid():
		return Invalid("state", "err.unknown_status", map[string]any{"Value": string(c.State)})
	case (c.State == TaskBlocked || c.State == TaskSkipped) && c.Reason == "":
		return Invalid("reason", "err.reason_required", nil)
	case utf8.RuneCountInString(c.Reason) > MaxTextLen:
		return Invalid("reason", "err.too_long", map[string]any{"Max": MaxTextLen})
	case (c.State == TaskDone || c.State == TaskSkipped) && !validISODate(c.On):
		return Invalid("done_on", "err.onboard_date", map[string]any{"Value": c.On})
	}
	return nil
}

func validISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return s[5:7] >= "01" && s[5:7] <= "12" && s[8:] >= "01" && s[8:] <= "31"
}

// OnboardingChecklist is a partner's onboarding programme with its tasks.
type OnboardingChecklist struct {
	ID           int64
	PartnerID    int64
	TemplateName string
	StartedOn    string
	CompletedOn  string
	Tasks        []OnboardingTask
}

const taskColumns = `id, checklist_id, stage, stage_en, stage_ru, position, title_en, title_ru, kind, owner, due_on,
	product, required, target, state, reason, done_on, done_by`

func scanTask(r scanner) (OnboardingTask, error) {
	var t OnboardingTask
	err := r.Scan(&t.ID, &t.ChecklistID, &t.Stage, &t.StageEN, &t.StageRU, &t.Position, &t.TitleEN, &t.TitleRU, &t.Kind,
		&t.Owner, &t.DueOn, &t.Product, &t.Required, &t.Target, &t.State, &t.Reason, &t.DoneOn, &t.DoneBy)
	return t, err
}

// Checklist returns a partner's checklist with its tasks in order, or nil
// when the partner has none.
func (s *Store) Checklist(ctx context.Context, partnerID int64) (*OnboardingChecklist, error) {
	return checklist(ctx, s.db, partnerID)
}

// ChecklistTx is Checklist inside a caller's transaction.
func ChecklistTx(ctx context.Context, tx *Tx, partnerID int64) (*OnboardingChecklist, error) {
	return checklist(ctx, tx, partnerID)
}

func checklist(ctx context.Context, q querier, partnerID int64) (*OnboardingChecklist, error) {
	cl := &OnboardingChecklist{PartnerID: partnerID}
	err := q.QueryRowContext(ctx, `SELECT id, template_name, started_on, completed_on FROM onboarding_checklists WHERE partner_id = ?`,
		partnerID).Scan(&cl.ID, &cl.TemplateName, &cl.StartedOn, &cl.CompletedOn)
	if err == sql.ErrNoRows {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+taskColumns+` FROM onboarding_tasks WHERE checklist_id = ? ORDER BY position, id`, cl.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		t, err := scanTask(rows)
		if err != nil {
			return nil, err
		}
		cl.Tasks = append(cl.Tasks, t)
	}
	return cl, rows.Err()
}

// SaveChecklistTx writes a checklist header and replaces its tasks with
// cl.Tasks (IDs are assigned anew), inside a caller's transaction.
func SaveChecklistTx(ctx context.Context, tx *Tx, cl *OnboardingChecklist) error {
	if !validISODate(cl.StartedOn) {
		return Invalid("started_on", "err.onboard_date", map[string]any{"Value": cl.StartedOn})
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO onboarding_checklists (id, partner_id, template_name, started_on, completed_on)
		VALUES (`+teamID("onboarding_checklists")+`, ?,?,?,?) ON CONFLICT(partner_id) DO UPDATE SET template_name = excluded.template_name,
		started_on = excluded.started_on, completed_on = excluded.completed_on`,
		cl.PartnerID, cl.TemplateName, cl.StartedOn, cl.CompletedOn)
	if err != nil {
		return notFoundIfFK(err, "partner")
	}
	if err := tx.QueryRowContext(ctx, `SELECT id FROM onboarding_checklists WHERE partner_id = ?`, cl.PartnerID).Scan(&cl.ID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM onboarding_tasks WHERE checklist_id = ?`, cl.ID); err != nil {
		return err
	}
	for i := range cl.Tasks {
		if err := insertTask(ctx, tx, cl.ID, i, &cl.Tasks[i]); err != nil {
			return err
		}
	}
	return nil
}

func insertTask(ctx context.Context, tx *Tx, checklistID int64, pos int, t *OnboardingTask) error {
	if t.State == "" {
		t.State = TaskPending
	}
	t.ChecklistID, t.Position = checklistID, pos
	res, err := tx.ExecContext(ctx, `INSERT INTO onboarding_tasks (id, checklist_id, stage, stage_en, stage_ru, position, title_en,
		title_ru, kind, owner, due_on, product, required, target, state, reason, done_on, done_by)
		VALUES (`+teamID("onboarding_tasks")+`, ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, checklistID, t.Stage, t.StageEN, t.StageRU, pos, t.TitleEN, t.TitleRU,
		t.Kind, t.Owner, t.DueOn, t.Product, t.Required, t.Target, t.State, t.Reason, t.DoneOn, t.DoneBy)
	if err != nil {
		return err
	}
	t.ID, err = res.LastInsertId()
	return err
}

// SetTaskStateTx changes one task's state inside a caller's transaction and
// returns the partner the task belongs to. Done and skipped record the
// date and who; other states clear them.
func SetTaskStateTx(ctx context.Context, tx *Tx, taskID int64, c TaskChange) (int64, error) {
	if err := c.Validate(); err != nil {
		return 0, err
	}
	on, by := c.On, c.By
	if c.State != TaskDone && c.State != TaskSkipped {
		on, by = "", ""
	}
	reason := c.Reason
	if c.State != TaskBlocked && c.State != TaskSkipped {
		reason = ""
	}
	var partnerID int64
	err := tx.QueryRowContext(ctx, `SELECT c.partner_id FROM onboarding_tasks t JOIN onboarding_checklists c ON c.id = t.checklist_id
		WHERE t.id = ?`, taskID).Scan(&partnerID)
	if err != nil {
		return 0, notFoundIf(err, "onboarding_task")
	}
	_, err = tx.ExecContext(ctx, `UPDATE onboarding_tasks SET state = ?, reason = ?, done_on = ?, done_by = ? WHERE id = ?`,
		c.State, reason, on, by, taskID)
	return partnerID, err
}

// SetChecklistCompletedTx records (or, with "", clears) the day a
// partner's checklist had every required task done.
func SetChecklistCompletedTx(ctx context.Context, tx *Tx, partnerID int64, on string) error {
	_, err := tx.ExecContext(ctx, `UPDATE onboarding_checklists SET completed_on = ? WHERE partner_id = ?`, on, partnerID)
	return err
}

// DeleteChecklist removes a partner's checklist and its tasks.
func (s *Store) DeleteChecklist(ctx context.Context, partnerID int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM onboarding_checklists WHERE partner_id = ?`, partnerID)
	return err
}

// OnboardingEntry is a partner in onboarding with its checklist (nil when
// none was started yet), for the overview.
type OnboardingEntry struct {
	PartnerID int64
	Name      string
	Type      PartnerType
	Checklist *OnboardingChecklist
}

// OnboardingEntries returns every partner in onboarding with its checklist,
// in two queries.
func (s *Store) OnboardingEntries(ctx context.Context) ([]OnboardingEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.name, p.type, c.id, c.template_name, c.started_on, c.completed_on
		FROM partners p LEFT JOIN onboarding_checklists c ON c.partner_id = p.id
		WHERE p.status = 'onboarding' ORDER BY p.name COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OnboardingEntry
	byChecklist := map[int64]*OnboardingChecklist{}
	for rows.Next() {
		var e OnboardingEntry
		var id sql.NullInt64
		var name, started, completed sql.NullString
		if err := rows.Scan(&e.PartnerID, &e.Name, &e.Type, &id, &name, &started, &completed); err != nil {
			return nil, err
		}
		if id.Valid {
			e.Checklist = &OnboardingChecklist{ID: id.Int64, PartnerID: e.PartnerID, TemplateName: name.String,
				StartedOn: started.String, CompletedOn: completed.String}
			byChecklist[id.Int64] = e.Checklist
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.attachTasks(ctx, byChecklist)
}

func (s *Store) attachTasks(ctx context.Context, byChecklist map[int64]*OnboardingChecklist) error {
	if len(byChecklist) == 0 {
		return nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+taskColumns+` FROM onboarding_tasks t
		WHERE checklist_id IN (SELECT c.id FROM onboarding_checklists c JOIN partners p ON p.id = c.partner_id WHERE p.status = 'onboarding')
		ORDER BY checklist_id, position, id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		t, err := scanTask(rows)
		if err != nil {
			return err
		}
		if cl := byChecklist[t.ChecklistID]; cl != nil {
			cl.Tasks = append(cl.Tasks, t)
		}
	}
	return rows.Err()
}
