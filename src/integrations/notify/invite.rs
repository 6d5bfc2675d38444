//! What a booking's calendar event says about who takes part and where: shared by the
//! invitations emails carry and the `.ics` file the booking page offers.

use crate::db::bookings::Booking;
use crate::db::users::User;
use crate::integrations::notify::ics::Participant;
use crate::model::event_types::Location;

/// The ATTENDEE lines of a booking: the attendee who booked (accepted), every guest
/// they brought (asked), and the hosts after the first, who organizes.
pub fn participants<'a>(booking: &'a Booking, hosts: &'a [User]) -> Vec<Participant<'a>> {
    let mut attendees = vec![Participant::accepted(
        &booking.attendee_name,
        &booking.attendee_email,
    )];
    attendees.extend(booking.guests.iter().map(|guest| Participant::guest(guest)));
    attendees.extend(
        hosts
            .iter()
            .skip(1)
            .map(|host| Participant::accepted(&host.name, &host.email)),
    );
    attendees
}

/// LOCATION and URL of the event, as the location's kind says: a meeting link is both,
/// an address or a phone number is only the place.
pub fn location_and_url(
    location: Option<&Location>,
    lang: crate::i18n::Language,
) -> (Option<String>, Option<String>) {
    match location {
        None => (None, None),
        Some(Location::Link { url } | Location::Video { url: Some(url), .. }) => {
            (Some(url.clone()), Some(url.clone()))
        }
        Some(other) => (Some(other.describe(lang)), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language::English;

    #[test]
    fn links_are_place_and_url_addresses_and_phones_only_the_place() {
        let video = Location::Video {
            provider: crate::model::event_types::VideoProvider::Jitsi,
            url: Some("https://meet.example/kairos-abc".into()),
        };
        assert_eq!(
            location_and_url(Some(&video), English),
            (
                Some("https://meet.example/kairos-abc".into()),
                Some("https://meet.example/kairos-abc".into())
            )
        );
        let phone = Location::Phone {
            number: "+49 30 1234".into(),
        };
        assert_eq!(
            location_and_url(Some(&phone), English),
            (Some("Phone: +49 30 1234".into()), None)
        );
        let address = Location::InPerson {
            address: "1 Harbor Street".into(),
        };
        assert_eq!(
            location_and_url(Some(&address), English),
            (Some("1 Harbor Street".into()), None)
        );
        assert_eq!(location_and_url(None, English), (None, None));
    }
}
