page-title = { $page } · Kairos
skip-to-content = Aller au contenu
scheduling-by-kairos = Prise de rendez-vous par Kairos
language-menu-label = Langue
language-menu-change = Changer
nav-label = Menu principal
nav-home = Accueil
nav-event-types = Types de rendez-vous
nav-availability = Disponibilités
nav-calendars = Agendas
nav-bookings = Réservations
nav-workflows = Automatisations
nav-teams = Équipes
nav-settings = Paramètres
nav-admin = Administration
sign-out = Se déconnecter
idle-title = Êtes-vous toujours là ?
idle-text = Pour votre sécurité, vous serez déconnecté dans { $seconds } secondes.
idle-stay = Rester connecté
copy = Copier
form-correct-fields = Veuillez corriger les champs signalés.
profile-language = Langue
profile-language-organization = La langue de l’organisation
settings-default-language = Langue par défaut
settings-default-language-hint = Pour les pages de réservation quand le navigateur ne demande aucune langue que Kairos parle, et pour les personnes qui n’en ont choisi aucune.

# A field's error under it: the field's label, then why it was refused.
field-error = { $label } { $reason }
