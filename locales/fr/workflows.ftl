wf-intro = Rappels, suivis et messages envoyés quand des réservations changent.
wf-new = Nouvelle automatisation
wf-title = Automatisation
wf-empty = Aucune automatisation pour l’instant
wf-empty-text = Votre premier type de rendez-vous est livré avec un rappel 24 heures avant chaque rendez-vous. Créez des automatisations pour en envoyer d’autres.
wf-create-first = Créer une automatisation
wf-on = Activée
wf-off = Désactivée
wf-team = Équipe : { $team }
wf-no-event-types = Aucun type de rendez-vous
wf-steps-count = { $count ->
        [one] { $count } étape
       *[other] { $count } étapes
    }
wf-edit = Modifier
wf-turn-off = Désactiver
wf-turn-on = Activer
wf-delete-confirm = Supprimer « { $name } » ? Les messages qu’elle a planifiés ne seront pas envoyés.
wf-delete = Supprimer

wf-trigger-new-event = Quand une réservation est faite ou confirmée
wf-trigger-booking-requested = Quand une réservation est demandée (en attente de confirmation)
wf-trigger-reschedule-event = Quand une réservation est déplacée
wf-trigger-event-cancelled = Quand une réservation est annulée
wf-trigger-booking-rejected = Quand une demande est refusée
wf-trigger-before-event = Avant le début du rendez-vous
wf-trigger-after-event = Après la fin du rendez-vous
wf-trigger-offset = { $trigger } · { $offset }
wf-minutes = { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
wf-hours = { $count ->
        [one] { $count } heure
       *[other] { $count } heures
    }
wf-days = { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
wf-unit-minutes = minutes
wf-unit-hours = heures
wf-unit-days = jours

wf-action-email-attendee = Envoyer un e-mail au participant
wf-action-email-host = Envoyer un e-mail à l’hôte
wf-action-email-address = Envoyer un e-mail à une adresse
wf-action-sms-attendee = Envoyer un SMS au participant (son numéro de téléphone)
wf-action-sms-number = Envoyer un SMS à un numéro
wf-action-webhook = Appeler un webhook

wf-saved-without-sms-gateway = Enregistré, mais aucune passerelle SMS n’est configurée : les étapes SMS de cette automatisation n’envoient rien, et leurs tâches échouent pour cette raison sous Administration → Tâches de fond, jusqu’à ce qu’un administrateur en configure une sous Administration → SMS.

wf-when = Quand
wf-name = Nom
wf-name-placeholder = Rappel la veille
wf-owner = Appartient à
wf-owner-hint = Les automatisations d’une équipe s’appliquent à ses types de rendez-vous ; les administrateurs de l’équipe les gèrent.
wf-trigger = Déclencheur
wf-offset = Combien de temps avant ou après
wf-offset-hint = Uniquement pour « Avant le début du rendez-vous » et « Après la fin du rendez-vous ».
wf-unit = Unité
wf-active-hint = Désactivée, elle n’envoie rien, pas même les messages déjà planifiés.
wf-event-types = Types de rendez-vous
wf-send-for = Envoyer pour les réservations de
wf-no-event-types-yet = Aucun type de rendez-vous pour l’instant.
wf-on-new-event-types = Activer aussi pour les types de rendez-vous créés à partir de maintenant
wf-steps = Étapes
wf-steps-error = Étapes : { $reason }
wf-step = Étape { $number }
wf-remove = Retirer
wf-action = Action
wf-send-to = Destinataire
wf-send-to-placeholder = adresse, +numéro ou URL https://
wf-send-to-hint = Pour « Envoyer un e-mail à une adresse », « Envoyer un SMS à un numéro » et « Appeler un webhook ».
wf-no-sms-gateway = Aucune passerelle SMS n’est configurée.
wf-no-sms-gateway-text = Tant qu’un administrateur n’en a pas configuré une sous Administration → SMS, cette étape n’envoie rien et ses tâches échouent pour cette raison.
wf-default-reminder = Il s’agit du rappel par défaut de Kairos : tant qu’il reste tel quel, chaque participant le reçoit dans sa propre langue.
wf-subject = Objet de l’e-mail
wf-subject-hint = Pour les e-mails.
wf-message = Message
wf-message-hint = Pour les e-mails et les SMS. Un webhook envoie plutôt la réservation en JSON.
wf-secret = Secret du webhook
wf-secret-hint = Signe chaque appel (X-Cal-Signature-256). Laissez vide pour garder le secret actuel.
wf-clear-secret = Supprimer le secret du webhook
wf-add-step = + Ajouter une étape
wf-back = Retour
wf-save = Enregistrer les modifications
wf-create = Créer l’automatisation
wf-variables = Variables
wf-variables-hint = Écrivez une variable entre accolades, par exemple { $example }. Les dates et heures sont dans le fuseau horaire du lecteur. L’enregistrement signale toute variable que Kairos ne connaît pas.
wf-answers = Réponses
wf-answers-hint = La réponse à une question de réservation : son identifiant en majuscules, avec _ à la place de -. { $variable } est la réponse à la question d’identifiant { $key }.
wf-no-questions = Les types de rendez-vous ici ne posent encore aucune question.
wf-minimum-necessary-on = Le strict nécessaire est activé : dans tout ce qu’envoient les automatisations, { $notes } et les réponses restent vides. Les administrateurs modifient ce réglage sous Administration.
wf-minimum-necessary-off = Le strict nécessaire est désactivé : les réponses et les notes sont envoyées telles qu’elles ont été écrites.
wf-delete-title = Supprimer cette automatisation
wf-delete-text = Les messages qu’elle a planifiés ne seront pas envoyés.
wf-delete-this-confirm = Supprimer cette automatisation ?
wf-delete-button = Supprimer l’automatisation

wf-var-event-name = le titre du type de rendez-vous
wf-var-organizer = le nom de l’hôte
wf-var-attendee = le nom du participant
wf-var-attendee-first-name = le prénom du participant
wf-var-attendee-email = l’adresse e-mail du participant
wf-var-event-date = la date, par ex. mardi 31 mars 2026
wf-var-event-time = l’heure de début, par ex. 10:00
wf-var-event-end-time = l’heure de fin, par ex. 10:30
wf-var-timezone = le fuseau horaire du destinataire, par ex. Europe/Paris
wf-var-location = le lieu du rendez-vous
wf-var-meeting-url = le lien vidéo ou de réunion, s’il y en a un
wf-var-cancel-url = le lien du participant pour annuler
wf-var-reschedule-url = le lien du participant pour choisir un autre horaire
wf-var-additional-notes = les notes ajoutées par le participant

wf-new-subject = Rappel : { $EVENT_NAME } à { $EVENT_TIME }
wf-new-body =
    Bonjour { $ATTENDEE_FIRST_NAME },

    à bientôt le { $EVENT_DATE } à { $EVENT_TIME } ({ $TIMEZONE }).

    Pour annuler ou choisir un autre horaire : { $RESCHEDULE_URL }
wf-trigger-booking-paid = Quand une réservation est payée

wf-error-not-your-team = n’est pas l’une de vos équipes
wf-error-owner = doit être vous ou l’une de vos équipes
wf-error-owner-admin = doit être vous ou une équipe que vous administrez
wf-error-offset-too-long = { $days ->
        [one] doit être d’au plus { $days } jour
       *[other] doit être d’au plus { $days } jours
    }
wf-error-offset-required = est obligatoire pour un rappel ou un suivi
wf-error-event-types = doivent être des types de rendez-vous du propriétaire de l’automatisation
wf-error-no-step = ajoutez au moins une étape
wf-error-too-many-steps = { $max ->
        [one] au plus { $max } étape
       *[other] au plus { $max } étapes
    }
wf-error-subject-required = est obligatoire pour un e-mail
wf-error-subject-one-line = { $max ->
        [one] doit tenir sur une ligne d’au plus { $max } caractère
       *[other] doit tenir sur une ligne d’au plus { $max } caractères
    }
wf-error-unknown-variables = { $count ->
        [one] utilise la variable inconnue { $names }
       *[other] utilise les variables inconnues { $names }
    }
