# Who may do what: why a person who sees something may not do this to it. Shown as a
# notice on the page, and as the API's message.

access-booking-hosts = only the booking's hosts and the team's admins can change it
access-team-admins = only the team's admins can change the team
access-administrators = only administrators can do this
access-own-account = you cannot disable your own account
access-owner-account = the owner's account cannot be disabled
access-invite = only administrators can invite people
access-team-workflows = only team admins can add workflows to a team
