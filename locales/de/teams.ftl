team-intro = Mit einer Gruppe buchen: alle gemeinsam, oder wer gerade frei ist, der Reihe nach.
team-empty = Noch keine Teams
team-empty-admin-text = Legen Sie ein Team an, fügen Sie seine Mitglieder hinzu und geben Sie ihm Terminarten.
team-empty-text = Ein Administrator kann Sie zu einem Team hinzufügen.
team-member-count = { $count ->
    [one] { $count } Mitglied
   *[other] { $count } Mitglieder
}
team-role-admin = Team-Admin
team-role-member = Mitglied
team-open = Öffnen
team-new = Neues Team
team-name = Name
team-name-placeholder = Empfang
team-slug = URL-Kürzel
team-slug-hint = Die Teamseite ist /team/<kürzel>: Kleinbuchstaben, Ziffern und -. Leer gelassen, wird es aus dem Namen gebildet.
team-create = Team anlegen
team-new-event-type = Neue Team-Terminart
team-members = Mitglieder
team-disabled = Deaktiviert
team-remove-confirm = { $name } aus dem Team entfernen?
team-remove = Entfernen
team-event-types = Terminarten des Teams
team-no-event-types = Keine Terminarten des Teams
team-no-event-types-text = Legen Sie eine an: gemeinsam (alle nehmen teil) oder per Rotation (wer frei ist, der Reihe nach).
team-scheduling-individual = Einzeln
team-scheduling-collective = Gemeinsam
team-scheduling-round-robin = Rotation
team-managing = Das Team verwalten
team-managing-text = Die Admins des Teams fügen Mitglieder hinzu, entfernen sie und ändern seine Terminarten. Die Buchungen des Teams sehen Sie unter „Buchungen“.
team-add-title = Jemanden mit Konto hinzufügen
team-everyone-in = Alle mit einem Konto sind bereits im Team.
team-person = Person
team-role = Rolle im Team
team-add = Zum Team hinzufügen
team-invite-title = Ein Konto anlegen und hinzufügen
team-invite-hint = Sie erhalten einen einmaligen Link, mit dem die Person ihr Passwort wählt. Er ist { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
} gültig.
team-email = E-Mail
team-create-account = Konto anlegen
team-member-created = { $name } hat ein Konto und ist im Team.

team-error-slug-used = wird bereits von einem anderen Team verwendet
team-error-not-a-user = ist kein Benutzer dieser Instanz
