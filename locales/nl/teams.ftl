team-intro = Boeken met een groep: iedereen samen, of om de beurt wie er vrij is.
team-empty = Nog geen teams
team-empty-admin-text = Maak een team, voeg de leden toe en geef het afspraaktypen.
team-empty-text = Een beheerder kan u aan een team toevoegen.
team-member-count = { $count ->
    [one] { $count } lid
   *[other] { $count } leden
}
team-role-admin = Teambeheerder
team-role-member = Lid
team-open = Openen
team-new = Nieuw team
team-name = Naam
team-name-placeholder = Receptie
team-slug = URL-naam
team-slug-hint = De teampagina is /team/<naam>: kleine letters, cijfers en -. Leeg gelaten, wordt hij uit de naam gemaakt.
team-create = Team maken
team-new-event-type = Nieuw afspraaktype voor het team
team-members = Leden
team-disabled = Uitgeschakeld
team-remove-confirm = { $name } uit het team verwijderen?
team-remove = Verwijderen
team-event-types = Afspraaktypen van het team
team-no-event-types = Geen afspraaktypen van het team
team-no-event-types-text = Maak er een: collectief (iedereen neemt deel) of rouleren (wie vrij is, om de beurt).
team-scheduling-individual = Individueel
team-scheduling-collective = Collectief
team-scheduling-round-robin = Rouleren
team-managing = Het team beheren
team-managing-text = De beheerders van het team voegen leden toe, verwijderen ze en wijzigen de afspraaktypen. De boekingen van het team ziet u onder Boekingen.
team-add-title = Iemand met een account toevoegen
team-everyone-in = Iedereen met een account zit al in het team.
team-person = Persoon
team-role = Rol in het team
team-add = Aan team toevoegen
team-invite-title = Een account maken en toevoegen
team-invite-hint = U krijgt een eenmalige link waarmee de persoon een wachtwoord kiest. Hij is { $days ->
    [one] { $days } dag
   *[other] { $days } dagen
} geldig.
team-email = E-mail
team-create-account = Account maken
team-member-created = { $name } heeft een account en zit in het team.

team-error-slug-used = wordt al door een ander team gebruikt
team-error-not-a-user = is geen gebruiker van deze installatie
