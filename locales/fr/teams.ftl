team-intro = Réserver avec un groupe : tout le monde ensemble, ou à tour de rôle selon qui est libre.
team-empty = Pas encore d’équipe
team-empty-admin-text = Créez une équipe, ajoutez ses membres et donnez-lui des types de rendez-vous.
team-empty-text = Un administrateur peut vous ajouter à une équipe.
team-member-count = { $count ->
    [one] { $count } membre
   *[other] { $count } membres
}
team-role-admin = Admin d’équipe
team-role-member = Membre
team-open = Ouvrir
team-new = Nouvelle équipe
team-name = Nom
team-name-placeholder = Accueil
team-slug = Identifiant d’URL
team-slug-hint = La page de l’équipe est /team/<identifiant> : lettres minuscules, chiffres et -. Laissé vide, il est créé à partir du nom.
team-create = Créer l’équipe
team-new-event-type = Nouveau type de rendez-vous d’équipe
team-members = Membres
team-disabled = Désactivé
team-remove-confirm = Retirer { $name } de l’équipe ?
team-remove = Retirer
team-event-types = Types de rendez-vous de l’équipe
team-no-event-types = Aucun type de rendez-vous d’équipe
team-no-event-types-text = Créez-en un : collectif (tout le monde participe) ou par rotation (qui est libre, à tour de rôle).
team-scheduling-individual = Individuel
team-scheduling-collective = Collectif
team-scheduling-round-robin = Rotation
team-managing = Gérer l’équipe
team-managing-text = Les administrateurs de l’équipe ajoutent et retirent des membres et modifient ses types de rendez-vous. Vous voyez les réservations de l’équipe dans Réservations.
team-add-title = Ajouter une personne qui a un compte
team-everyone-in = Toutes les personnes ayant un compte sont déjà dans l’équipe.
team-person = Personne
team-role = Rôle dans l’équipe
team-add = Ajouter à l’équipe
team-invite-title = Créer un compte et l’ajouter
team-invite-hint = Vous obtenez un lien à usage unique pour que la personne choisisse son mot de passe. Il est valable { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}.
team-email = E-mail
team-create-account = Créer le compte
team-member-created = { $name } a un compte et fait partie de l’équipe.

team-error-slug-used = est déjà utilisé par une autre équipe
team-error-not-a-user = n’est pas un utilisateur de cette instance
