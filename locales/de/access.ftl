access-booking-hosts = nur die Gastgeber der Buchung und die Admins des Teams können sie ändern
access-team-admins = nur die Admins des Teams können das Team ändern
access-administrators = nur Administratoren können das tun
access-own-account = Sie können Ihr eigenes Konto nicht deaktivieren
access-owner-account = das Konto des Eigentümers kann nicht deaktiviert werden
access-invite = nur Administratoren können Personen einladen
access-team-workflows = nur Team-Admins können einem Team Abläufe hinzufügen
