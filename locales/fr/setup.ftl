setup-title = Configurer Kairos
setup-progress = Progression de la configuration
setup-step-account = Compte
setup-step-organization = Organisation
setup-step-email = E-mail
setup-step-done = Terminé
setup-required = Configuration requise
setup-required-text = Cette instance de Kairos n’est pas encore configurée.
setup-required-where = L’administrateur trouve le lien de configuration à usage unique dans la sortie de `kairos serve` ou dans son journal (pour une installation système : `journalctl -u kairos`).
setup-required-valid = Le lien est valable 30 minutes ; redémarrer Kairos en affiche un nouveau.
setup-link-invalid = Ce lien de configuration n’est pas valide
setup-link-invalid-title = Lien de configuration non valide
setup-link-invalid-why = Il a peut-être expiré (les liens durent 30 minutes), déjà servi ou été copié incomplètement.
setup-link-invalid-what = Redémarrez Kairos pour afficher un nouveau lien de configuration, et ouvrez-le dans les 30 minutes.
setup-welcome = Bienvenue dans Kairos
setup-welcome-text = Créez le compte propriétaire. Il administre cette instance et peut inviter tous les autres.
setup-password-hint = Au moins 12 caractères. Quelques mots sans rapport entre eux en font un solide.
setup-password-repeat = Répétez le mot de passe
setup-create-account = Créer le compte et continuer
setup-organization = Votre organisation
setup-organization-text = Ces informations apparaissent sur les pages de réservation et dans les messages. Vous pourrez les modifier plus tard.
setup-organization-name = Nom de l’organisation
setup-public-address-hint = L’URL par laquelle on accède à cette instance, comme https://book.example.org.
setup-first-day = Premier jour de la semaine
setup-installation = De quel type d’installation s’agit-il ?
setup-installation-hint = Kairos déconnecte après un moment d’inactivité : vite là où d’autres peuvent voir l’écran, plus tard sur un ordinateur personnel. Les administrateurs peuvent le modifier ensuite.
setup-installation-kind = Type d’installation
setup-installation-shared = Un cabinet ou une clinique : des écrans que d’autres peuvent voir ou utiliser
setup-installation-office = Une équipe : chacun sur son propre ordinateur
setup-installation-personal = Moi seul, sur mon propre ordinateur
setup-finish = Terminer la configuration
setup-email-text = Kairos envoie par e-mail les confirmations, demandes et changements aux personnes qui réservent et aux hôtes. Saisissez votre serveur de messagerie maintenant, ou passez cette étape et faites-le plus tard dans Administration → E-mail.
setup-save-finish = Enregistrer et terminer
setup-skip = Passer pour l’instant
setup-signed-out-after = déconnexion après { $minutes ->
        [60] 1 heure
        [240] 4 heures
        [480] 8 heures
       *[other] { $minutes } minutes
    }
