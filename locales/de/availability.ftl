# Die Verfügbarkeit im Dashboard: Zeitpläne, ihr Wochen-Editor und Ausnahmen an
# einzelnen Daten, und Abwesenheiten.

avail-title = Verfügbarkeit
avail-intro = Wann bei Ihnen gebucht werden kann. Die Zeiten gelten in der Zeitzone des jeweiligen Plans.
avail-empty-title = Noch keine Zeitpläne
avail-empty-text = Legen Sie einen an, um zu sagen, wann Sie arbeiten.
avail-no-weekly-hours = Keine wöchentlichen Zeiten
avail-default = Standard
avail-edit = Bearbeiten
avail-new-schedule = Neuer Zeitplan
avail-name = Name
# Ein Beispiel für den Namen eines Zeitplans.
avail-name-placeholder = Abends
avail-create = Zeitplan anlegen
avail-ooo = Abwesenheit
# $zone: die Zeitzone der Person, etwa Europe/Berlin.
avail-ooo-intro = Tage, an denen Sie nicht da sind, in Ihrer Zeitzone ({ $zone }). Dann kann niemand bei Ihnen buchen.
avail-ooo-none = Keine Abwesenheit geplant.
avail-remove = Entfernen
avail-add-away = Abwesenheit eintragen
avail-first-day = Erster Tag
avail-last-day = Letzter Tag
avail-note = Notiz (nur für Sie sichtbar)
# Ein Beispiel für eine Notiz zu einer Abwesenheit.
avail-note-placeholder = Urlaub
avail-add = Eintragen
avail-error-before-first-day = darf nicht vor dem ersten Tag liegen

# Der Editor eines Zeitplans.
avail-not-saved = Noch nicht gespeichert: Klicken Sie auf „Änderungen speichern“, wenn Sie fertig sind.
avail-schedule = Zeitplan
avail-time-zone = Zeitzone
avail-default-schedule = Standardplan
avail-default-hint = Gilt für Terminarten, die keinen Zeitplan nennen.
avail-weekly = Wöchentliche Zeiten
# Beschriftungen für Screenreader zu den Zeitspannen eines Tages. $day: der Name des
# Wochentags; $n: die Nummer der Zeitspanne an diesem Tag.
avail-range-start = { $day }, Zeitspanne { $n }, Beginn
avail-range-end = { $day }, Zeitspanne { $n }, Ende
avail-remove-range = { $day }, Zeitspanne { $n } entfernen
avail-add-hours = + Zeiten hinzufügen
avail-copy-to-all = Auf alle Tage übertragen
avail-unavailable = Nicht verfügbar
avail-weekly-hint = Haken Sie einen Tag an und speichern Sie, um seine Zeiten einzutragen. Eine Zeitspanne, die vor ihrem Beginn endet, reicht über Mitternacht.
avail-overrides = Ausnahmen an Daten
avail-overrides-hint = Andere Zeiten oder keine an einzelnen Daten.
avail-date = Datum
avail-from = Von
avail-until = Bis
avail-off-all-day = Ganztägig nicht verfügbar
# Vor dem Grund, warum eine Ausnahme abgelehnt wurde.
avail-override = Ausnahme
avail-no-overrides = Keine Ausnahmen.
avail-add-override = + Ausnahme hinzufügen
avail-back = Zurück
avail-save = Änderungen speichern
avail-delete-title = Diesen Zeitplan löschen
avail-delete-text = Terminarten, die ihn nutzen, folgen dann Ihrem Standardplan.
avail-delete-confirm = Diesen Zeitplan löschen?
avail-delete = Zeitplan löschen
# Warum die Zeiten eines Tages oder eine Ausnahme abgelehnt wurden; steht nach dem
# Namen des Tages oder nach „Ausnahme“.
avail-error-range = hat eine ungültige Zeitspanne: Geben Sie einen Beginn und ein Ende an, etwa 09:00 und 17:00, nicht gleich
avail-error-needs-date = braucht ein Datum
# Ein eigener Satz über dem Formular.
avail-error-overrides = Die Ausnahmen an Daten sind ungültig: Geben Sie jedem Datum einen Beginn und ein Ende, etwa 09:00 und 17:00.

avail-error-keep-default = machen Sie stattdessen einen anderen Zeitplan zum Standard
avail-error-delete-default = der Standardplan kann nicht gelöscht werden; machen Sie zuerst einen anderen Zeitplan zum Standard
