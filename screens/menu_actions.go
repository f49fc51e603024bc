package screens

import (
	"channeldesk/app/files"
	"errors"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// registerAreaActions binds the File menu's items (and their shortcuts) to
// what the areas offer: quick capture, import, report and plan export,
// back up.
func (u *UI) registerAreaActions() {
	u.registerAction(actQuickCapture, u.ShowQuickCapture)
	u.registerAction(actImport, u.ShowImport)
	u.registerAction(actImportContacts, u.ShowContactImport)
	u.registerAction(actExportReport, func() { newReportExport(u).ask() })
	u.registerAction(actExportPlan, u.exportPlan)
	u.registerAction(actBackup, u.backupNow)
	u.registerAction(actLogContact, u.logContactForSelected)
	u.registerAction(actKitExport, func() { u.kitFlow().showExport() }) // kit.go: wired when used
	u.registerAction(actKitImport, func() { u.kitFlow().showImport() })
}

// exportPlan exports the open partner's plan; with no partner open it
// goes to the Plans overview and starts the batch export there.
func (u *UI) exportPlan() {
	if d := u.partners.detail; d != nil && d.partner != nil && d.partner.ID != 0 && u.current == "nav.partners" {
		d.showTab(lang.L("plans.tab"))
		d.plan.onExport()
		return
	}
	u.show("plans.nav")
	if u.plans != nil {
		u.plans.onExportAll()
	}
}

// backupNow writes a backup beside the database and says where.
func (u *UI) backupNow() {
	var path string
	var err error
	u.background(func() { path, err = files.BackupNow(u.Store) }, func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), u.Win)
			return
		}
		dialog.ShowInformation(lang.L("desk.menu.backup"), lang.L("rel.backup_done", map[string]any{"Path": path}), u.Win)
	})
}
