api-not-found = لا يوجد عنصر بهذا المعرّف ({ $what })
api-unauthorized = أرسل مفتاح API بالصيغة `Authorization: Bearer kairos_…`
api-rate-limited = طلبات كثيرة جدًا ({ $what })؛ حاول مرة أخرى بعد { $seconds } ثانية
api-internal = تعذّر إكمال الطلب؛ سيجد المسؤول التفاصيل في السجل
api-validation-failed = غير صالح: { $fields }: { $details }
api-slot-unavailable = هذا الوقت لم يعد متاحًا
api-idempotency-key-reused = استُخدم مفتاح Idempotency-Key هذا من قبل لطلب مختلف
unavailable-invalid-input = الطلب غير صالح: { $error }
unavailable-invalid-duration = { $minutes } دقيقة ليست من مدد هذا الموعد
unavailable-in-the-past = هذا الوقت في الماضي
unavailable-within-minimum-notice = هذا الوقت قريب جدًا: يحتاج هذا الموعد إلى إشعار مسبق أطول
unavailable-outside-booking-window = هذا الوقت خارج فترة الحجز
unavailable-outside-working-hours = هذا الوقت خارج ساعات العمل
unavailable-not-on-slot-grid = هذا الوقت ليس من أوقات البدء المعروضة
unavailable-out-of-office = المضيف غير متاح في ذلك الوقت
unavailable-conflict = هذا الوقت لم يعد متاحًا
unavailable-booking-limit-reached = تم بلوغ الحد الأقصى لعدد الحجوزات في { $period ->
        [day] هذا اليوم
        [week] هذا الأسبوع
        [month] هذا الشهر
       *[year] هذه السنة
    }
unavailable-duration-limit-reached = تم بلوغ الحد الأقصى للوقت المحجوز في { $period ->
        [day] هذا اليوم
        [week] هذا الأسبوع
        [month] هذا الشهر
       *[year] هذه السنة
    }
unavailable-no-seats-left = لم تعد هناك مقاعد متاحة في هذا الوقت
unavailable-not-first-slot-of-day = يُعرض أول وقت متاح فقط من كل يوم
api-booking-cap = { $cap ->
        [host] { bk-cap-host }
       *[event-type] { bk-cap-event-type }
    }؛ حاول مرة أخرى بعد { $seconds ->
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $seconds } ثوانٍ
        [many] { $seconds } ثانيةً
       *[other] { $seconds } ثانية
    }

api-error-event-type-required = مطلوب (أو أدخل username وeventTypeSlug)
api-error-date-or-instant = يجب أن يكون تاريخًا (YYYY-MM-DD) أو لحظة بصيغة RFC 3339
api-error-booking-status = يجب أن تكون إحدى القيم ACCEPTED أو PENDING أو CANCELLED أو REJECTED
