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
js-zone-detected = Votre fuseau (détecté)
js-zone-search = Rechercher un fuseau horaire
js-passwords-differ = Les mots de passe ne correspondent pas.
js-choose-one = Choisissez au moins une option.
js-guest-email = E-mail de l’invité { $n }
js-sending = Envoi…
js-copied = Copié
event-type-language = Langue de la page
event-type-language-visitor = La langue du visiteur
event-type-language-hint = Les pages de réservation et les e-mails aux invités sont dans cette langue, quelle que soit celle du navigateur.

notice-signed-out = Vous êtes déconnecté.
notice-password-changed = Votre mot de passe est modifié. Connectez-vous avec le nouveau.
notice-setup-complete = La configuration est terminée. Bienvenue dans Kairos.
notice-session-ended = Votre session a pris fin. Reconnectez-vous pour continuer.
notice-signed-out-everywhere = Vous êtes déconnecté sur tous vos appareils.
notice-second-factor-expired = La connexion a pris trop de temps. Saisissez à nouveau votre e-mail et votre mot de passe.
notice-unlocked = Ce navigateur peut de nouveau se connecter à votre compte.

location-phone = Téléphone : { $number }
location-link-coming = (le lien est en cours de création et arrivera par e-mail)
notice-shown-once-gone = Ce qui était affiché ici une seule fois ne l’est plus. Si vous ne l’avez pas copié, créez-en un nouveau.
host-event-booked-by = Réservé par { $name } <{ $email }>
host-event-hosts = Hôtes : { $names }
host-event-open = Ouvrir la réservation : { $link }

zone-label = { $city } · { $zone } ({ $offset })
zone-label-city = { $city } ({ $offset })
zone-utc = UTC (temps universel coordonné)
zone-region = { $region ->
        [Africa] Afrique
        [America] Amérique
        [Antarctica] Antarctique
        [Arctic] Arctique
        [Asia] Asie
        [Atlantic] Atlantique
        [Australia] Australie
        [Europe] Europe
        [Indian] Océan Indien
        [Pacific] Pacifique
       *[other] { $region }
    }
