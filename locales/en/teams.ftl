# Teams: the list, a team's page with its members and event types.

team-intro = Book with a group: everyone together, or whoever is free in turn.
team-empty = No teams yet
team-empty-admin-text = Create a team, add its members and give it event types.
team-empty-text = An administrator can add you to a team.
# $count: how many members the team has.
team-member-count = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
team-role-admin = Team admin
team-role-member = Member
team-open = Open
team-new = New team
team-name = Name
# An example of a team's name.
team-name-placeholder = Front desk
team-slug = URL slug
team-slug-hint = The team page is /team/<slug>: lowercase letters, digits and -. Left empty, it is made from the name.
team-create = Create team

# A team's page.
team-new-event-type = New team event type
team-members = Members
team-disabled = Disabled
# $name: the member's name.
team-remove-confirm = Remove { $name } from the team?
team-remove = Remove
team-event-types = Team event types
team-no-event-types = No team event types
team-no-event-types-text = Create one: collective (everyone attends) or round robin (whoever is free, in turn).
# How a team event type's hosts take part.
team-scheduling-individual = Individual
team-scheduling-collective = Collective
team-scheduling-round-robin = Round robin
team-managing = Managing the team
team-managing-text = The team's admins add and remove members and change its event types. You see the team's bookings under Bookings.
team-add-title = Add someone with an account
team-everyone-in = Everyone with an account is already in the team.
team-person = Person
team-role = Role in the team
team-add = Add to team
team-invite-title = Create an account and add it
# $days: how many days the link is valid.
team-invite-hint = You get a one-time link for the person to choose their password. It is valid for { $days ->
    [one] { $days } day
   *[other] { $days } days
}.
team-email = Email
team-create-account = Create account
# $name: the new member's name.
team-member-created = { $name } has an account and is in the team.

# Why a team or a member was refused.

team-error-slug-used = is already used by another team
team-error-not-a-user = is not a user of this instance
