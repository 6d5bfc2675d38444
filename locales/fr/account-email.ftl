acct-invite-subject = Vous êtes invité à rejoindre { $organization } sur Kairos
acct-invite-heading = Rejoignez { $organization }
acct-hello = Bonjour,
acct-invite-text = Vous êtes invité à rejoindre { $organization } sur Kairos, où vous gérerez vos rendez-vous. Ouvrez le lien ci-dessous pour choisir votre nom et votre mot de passe.
acct-invite-expiry = Le lien fonctionne une fois et expire dans { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }. Si vous n’attendiez pas cette invitation, ignorez ce message.
acct-invite-button = Accepter l’invitation
acct-made-subject = Votre compte chez { $organization } sur Kairos
acct-made-heading = Choisissez votre mot de passe
acct-made-text = Un compte chez { $organization } sur Kairos a été créé pour vous ; vous y gérerez vos rendez-vous. Ouvrez le lien ci-dessous pour choisir votre mot de passe.
acct-made-expiry = Le lien fonctionne une fois et expire dans { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }. Si vous ne vous y attendiez pas, ignorez ce message.
acct-made-button = Choisir mon mot de passe
acct-reset-subject = Choisissez un nouveau mot de passe pour { $organization }
acct-reset-heading = Choisir un nouveau mot de passe
acct-reset-text = Quelqu’un a demandé un lien pour choisir un nouveau mot de passe pour votre compte { $organization } sur Kairos. Si c’était vous, ouvrez le lien ci-dessous : il fonctionne une fois, dans les { $minutes } minutes.
acct-reset-not-you = Si ce n’était pas vous, ignorez cet e-mail : votre mot de passe reste inchangé.
acct-unlock-subject = La connexion à { $organization } a été suspendue
acct-unlock-heading = La connexion a été suspendue
acct-unlock-text = Quelqu’un a tenté plusieurs fois de se connecter à votre compte { $organization } sur Kairos avec un mot de passe ou un code de vérification erroné ; la connexion est donc suspendue pour un moment. Si ce n’était pas vous, rien d’erroné n’a été accepté ; pensez à changer votre mot de passe s’il sert ailleurs.
acct-unlock-how = Pour vous connecter maintenant, ouvrez le lien ci-dessous dans le navigateur que vous voulez utiliser et confirmez. Il fonctionne une fois, dans les { $minutes } minutes, et permet à ce navigateur de se connecter à nouveau.
acct-unlock-button = Autoriser mon navigateur
acct-revoked-subject = Reconnectez { $provider }
acct-revoked-heading = { $provider } doit être reconnecté
acct-revoked-text = Kairos ne peut plus accéder au compte { $provider } { $account } de { $host } : l’accès a été révoqué ou a expiré.
acct-revoked-effect = Tant qu’il n’est pas reconnecté, ses événements ne bloquent pas les créneaux de { $host } et les nouvelles réservations n’y sont pas inscrites. Les réservations elles-mêmes continuent normalement.
acct-revoked-how = { $host } peut le reconnecter sur la page Calendriers : le même compte garde ses réglages.
acct-revoked-button = Ouvrir Calendriers
acct-test-subject = Message de test de { $organization }
acct-test-heading = Message de test
acct-test-text = Ceci est un message de test de Kairos. L’e-mail est configuré : les confirmations, demandes et modifications de réservation seront envoyées depuis cette adresse.
