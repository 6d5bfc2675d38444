# Paiements : prix, Stripe Checkout, remboursements et frais de non-présentation.

pay-status-awaiting = En attente de paiement
pay-status-expired = Paiement expiré
pay-page-awaiting = En attente de votre paiement
pay-page-awaiting-lead = Votre créneau est réservé pendant que vous payez. Dès que le paiement arrive, la réservation est confirmée et vous recevez un e-mail.
pay-page-expired = Le paiement n’est pas arrivé à temps
pay-page-expired-lead = Le créneau a été libéré. Vous pouvez réserver de nouveau.
pay-email-refunded = Remboursement
pay-email-attendee-refunded = { $amount } de votre paiement pour { $title } vous sont remboursés. Selon votre banque, le montant apparaît sur votre relevé d’ici 5 à 10 jours.
pay-email-late-payment = Votre paiement est arrivé après la fin du délai pendant lequel le créneau vous était réservé, et quelqu’un d’autre l’a réservé entre-temps ; il a donc été remboursé intégralement. N’hésitez pas à réserver un autre créneau.
pay-page-payment = Paiement
pay-page-pay-now = Payer maintenant
pay-page-could-not-start = La page de paiement n’a pas pu s’ouvrir, le créneau a donc été libéré. Veuillez réessayer de réserver dans quelques minutes.
pay-page-paid-notice = Merci. Stripe confirme votre paiement ; cette page l’affiche dès qu’il arrive.
pay-line-awaiting = { $amount }, pas encore payé
pay-line-card-awaiting = Frais de non-présentation de { $amount } : aucune carte enregistrée pour l’instant
pay-line-paid = { $amount }, payé
pay-line-partly-refunded = { $amount }, payé ; { $refunded } remboursé
pay-line-card-saved = Carte enregistrée pour des frais de non-présentation de { $amount } ; rien n’a été débité
pay-line-refunded = { $amount }, remboursé
pay-line-no-show-charged = Frais de non-présentation de { $amount }, débités
pay-line-expired = { $amount }, pas payé à temps
pay-line-failed = { $amount }, le paiement n’a pas pu être effectué
pay-not-set-up = Ce type de rendez-vous est payant, et les paiements ne sont pas encore configurés. Veuillez contacter l’hôte.
pay-email-paid = Payé : { $amount }. Stripe vous envoie le reçu.
pay-email-card-kept = Votre carte est enregistrée pour des frais de non-présentation de { $amount } ; elle n’est débitée que si vous manquez le rendez-vous sans l’avoir annulé.

## Tableau de bord et page de réservation

pay-admin-intro = Les types de rendez-vous payants encaissent via Stripe Checkout, la page de paiement de Stripe. Tant que Stripe n’est pas configuré ici, les types de rendez-vous payants n’acceptent aucune réservation.
pay-admin-test-mode = Mode test
pay-admin-live-mode = Mode production
pay-admin-test-mode-hint = La clé enregistrée est une clé de test : Stripe n’accepte que ses cartes de test, et aucun argent ne circule.
pay-admin-live-mode-hint = La clé enregistrée est une clé de production : de vraies cartes sont débitées.
pay-admin-secret-key = Clé secrète
pay-admin-secret-key-hint = Dans le Dashboard Stripe, sous « Clés API » : une clé secrète (sk_test_… pour essayer, sk_live_… pour encaisser de vrais paiements) ou une clé restreinte.
pay-admin-webhook-secret = Secret de signature du webhook
pay-admin-webhook-secret-hint = Le secret de signature du point de terminaison que vous ajoutez chez Stripe (voir ci-dessous). Il commence par whsec_.
pay-admin-hold = Durée de réservation pendant le paiement (minutes)
pay-admin-hold-hint = Combien de temps une réservation en attente de paiement garde son créneau : de 5 à 1440 minutes.
pay-admin-remove = Retirer Stripe : les types de rendez-vous payants n’acceptent plus de réservations jusqu’à une nouvelle configuration
pay-admin-save = Enregistrer Stripe
pay-admin-check = Vérifier la connexion
pay-admin-at-stripe = Chez Stripe
pay-admin-step-endpoint = Dans le Dashboard Stripe, ouvrez { $webhooks } et ajoutez un point de terminaison avec cette URL :
pay-admin-webhook-url = URL du point de terminaison du webhook
pay-admin-step-events = Sélectionnez les événements { $completed } et { $expired }.
pay-admin-step-secret = Affichez le { $secret } du point de terminaison et collez-le ci-dessus.
pay-admin-leaves = Ce qui quitte cet appareil : pour chaque réservation payante, l’adresse e-mail de l’invité, le titre du type de rendez-vous, le prix et la référence de la réservation sont transmis à Stripe. Les données de carte sont saisies sur la page de Stripe et n’atteignent jamais Kairos.
pay-admin-check-ok = Connecté : la clé appartient au compte Stripe { $account }.
pay-admin-check-refused = Stripe a refusé la clé : { $reason } (HTTP { $status }).
pay-admin-check-unreachable = Stripe est injoignable : { $reason }.
pay-admin-check-not-set-up = Stripe n’est pas encore configuré : enregistrez d’abord une clé secrète.
pay-admin-error-secret-key = doit être une clé secrète Stripe (sk_test_…, sk_live_…) ou une clé restreinte (rk_…)
pay-admin-error-webhook-secret = doit être le secret de signature du point de terminaison, qui commence par whsec_
pay-admin-error-hold = doit être un nombre entier de minutes compris entre { $min } et { $max }
pay-flash-stripe-removed = Stripe a été retiré. Les types de rendez-vous payants n’acceptent aucune réservation jusqu’à une nouvelle configuration.

pay-et-section = Paiement
pay-et-intro = Laissez le prix vide pour un type de rendez-vous gratuit. Les invités paient sur la page sécurisée de Stripe au moment de réserver ; les données de carte n’atteignent jamais Kairos.
pay-et-not-set-up = Les paiements ne sont pas encore configurés sur ce Kairos. Vous pouvez déjà enregistrer un prix, mais ce type de rendez-vous n’acceptera aucune réservation tant qu’un administrateur n’aura pas configuré Stripe.
pay-et-set-up-link = Configurer Stripe
pay-et-price = Prix
pay-et-price-hint = Dans l’unité principale de la devise, par exemple 49.90. Vide : gratuit.
pay-et-currency = Devise
pay-et-currency-hint = Son code à trois lettres, par exemple EUR, USD ou CHF.
pay-et-mode = Quand l’invité paie
pay-et-mode-pay-now = À la réservation : la réservation est confirmée une fois payée
pay-et-mode-no-show = Seulement en cas d’absence : la carte est enregistrée et n’est débitée que si l’invité ne vient pas
pay-et-refunds = Remboursements quand l’invité annule
pay-et-refund-hours = Heures avant le début pour un remboursement intégral
pay-et-refund-hours-hint = Une annulation au moins ce nombre d’heures avant le début est remboursée intégralement. 0 : toute annulation avant le début l’est.
pay-et-late-percent = Remboursement d’une annulation plus tardive (%)
pay-et-late-percent-hint = De 0 (rien) à 100 (tout). Quand un hôte annule, tout est remboursé.
pay-et-no-show-badge = Frais de non-présentation { $amount }
pay-et-error-amount = doit être un montant tel que 50 ou 49.90
pay-et-error-decimals =
    { $decimals ->
        [0] doit être un montant entier en { $currency }
        [one] peut avoir au plus { $decimals } décimale en { $currency }
       *[other] peut avoir au plus { $decimals } décimales en { $currency }
    }
pay-et-error-too-large = doit être au plus de { $max }
pay-et-error-positive = doit être supérieur à zéro
pay-et-error-step = doit être un multiple de { $step }
pay-et-error-currency = doit être un code de devise tel que EUR, USD ou CHF

pay-bk-title = Paiement
pay-bk-amount = Prix
pay-bk-mode = Type
pay-bk-mode-pay-now = Payé à la réservation
pay-bk-mode-no-show = Frais de non-présentation, carte enregistrée
pay-bk-held-until = Créneau réservé jusqu’à
pay-bk-charged = Débité
pay-bk-refunded = Remboursé
pay-bk-policy = Conditions de remboursement
pay-bk-policy-always = Remboursement intégral pour toute annulation avant le début
pay-bk-policy-hours =
    { $hours ->
        [one] Remboursement intégral jusqu’à { $hours } heure avant le début ; ensuite, { $percent } %
       *[other] Remboursement intégral jusqu’à { $hours } heures avant le début ; ensuite, { $percent } %
    }
pay-bk-status-paid = Payé
pay-bk-status-partly-refunded = Remboursé en partie
pay-bk-status-card-saved = Carte enregistrée
pay-bk-status-refunded = Remboursé
pay-bk-status-no-show-charged = Frais de non-présentation débités
pay-bk-status-failed = Paiement échoué
pay-bk-refunds = Remboursements
pay-bk-refund-pending = Envoyé à Stripe
pay-bk-refund-succeeded = Remboursé
pay-bk-refund-failed = Échoué
pay-bk-reason-host = par un hôte
pay-bk-reason-cancelled = annulation
pay-bk-reason-late-payment = payé trop tard
pay-bk-refund = Rembourser
pay-bk-refund-amount = Montant à rembourser
pay-bk-refund-hint = Jusqu’à { $max }. Stripe le rend sur la carte de l’invité.
pay-bk-refund-button = Rembourser
pay-bk-refund-confirm = Rembourser ce montant à l’invité ? Cette action est irréversible.
pay-bk-refund-error = doit être un montant de { $min } à { $max }
pay-bk-nothing-to-refund = Il ne reste rien à rembourser sur ce paiement.
pay-flash-refund-planned = Le remboursement est en route vers Stripe. Il apparaît comme remboursé dès que Stripe le confirme.
pay-bk-no-show = Absent
pay-bk-no-show-text = Enregistre que l’invité n’est pas venu.
pay-bk-no-show-fee = Marquer l’invité comme absent débite { $amount } sur la carte enregistrée.
pay-bk-no-show-button = Marquer comme absent
pay-bk-no-show-confirm = Marquer l’invité comme absent ?
pay-bk-no-show-marked = L’invité a été marqué comme absent.
pay-flash-no-show = L’invité a été marqué comme absent.

pay-booker-price-no-show = Frais de non-présentation : { $amount }
pay-booker-pay-now =
    { $minutes ->
        [one] Après l’envoi, vous payez { $amount } sur la page de paiement sécurisée de Stripe. Votre créneau vous est réservé pendant { $minutes } minute.
       *[other] Après l’envoi, vous payez { $amount } sur la page de paiement sécurisée de Stripe. Votre créneau vous est réservé pendant { $minutes } minutes.
    }
pay-booker-no-show =
    { $minutes ->
        [one] Après l’envoi, vous enregistrez une carte sur la page sécurisée de Stripe. Rien n’est débité maintenant : la carte n’est débitée de { $amount } que si vous ne venez pas. Votre créneau vous est réservé pendant { $minutes } minute.
       *[other] Après l’envoi, vous enregistrez une carte sur la page sécurisée de Stripe. Rien n’est débité maintenant : la carte n’est débitée de { $amount } que si vous ne venez pas. Votre créneau vous est réservé pendant { $minutes } minutes.
    }
pay-booker-refund-always = Si vous annulez avant le début, vous êtes remboursé intégralement.
pay-booker-refund-none-late =
    { $hours ->
        [one] Si vous annulez au moins { $hours } heure avant le début, vous êtes remboursé intégralement ; les annulations plus tardives ne sont pas remboursées.
       *[other] Si vous annulez au moins { $hours } heures avant le début, vous êtes remboursé intégralement ; les annulations plus tardives ne sont pas remboursées.
    }
pay-booker-refund-part-late =
    { $hours ->
        [one] Si vous annulez au moins { $hours } heure avant le début, vous êtes remboursé intégralement ; ensuite, le remboursement est de { $percent } %.
       *[other] Si vous annulez au moins { $hours } heures avant le début, vous êtes remboursé intégralement ; ensuite, le remboursement est de { $percent } %.
    }
pay-booker-continue = Continuer vers le paiement

# Why a payment setting, price, refund or no-show was refused.
pay-error-not-set-up = ce type de rendez-vous est payant, et les paiements ne sont pas encore configurés
pay-error-no-show-confirmed-only = seule une réservation confirmée peut être marquée comme absence
pay-error-no-show-not-started = une absence ne peut être marquée qu’une fois le rendez-vous commencé
pay-error-no-show-marked = cette personne a déjà été marquée comme absente
pay-error-refund-hours = doit être d’au plus 8760 heures (un an)
pay-error-percent = doit être un nombre entier de 0 à 100
pay-error-secret-key = doit être une clé secrète Stripe (sk_test_…, sk_live_…) ou une clé restreinte (rk_…)
pay-error-webhook-secret = doit être le secret de signature du point de terminaison, qui commence par whsec_
pay-error-hold-minutes = doit être un nombre entier de minutes de 5 à 1440
pay-page-paid-thanks = Merci : votre paiement est bien arrivé.
