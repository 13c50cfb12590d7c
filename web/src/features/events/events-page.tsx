/** 事件: the event list and one event's detail. */
import { Route, Routes, useParams } from 'react-router-dom';
import { EventDetailView } from './event-detail.js';
import { EventList } from './event-list.js';

function DetailRoute() {
  const { id = '' } = useParams();
  return <EventDetailView key={id} id={id} />;
}

/** The events area, mounted at /events/*. */
export function EventsPage() {
  return (
    <div className="fx-page" data-testid="events">
      <Routes>
        <Route index element={<EventList />} />
        <Route path=":id" element={<DetailRoute />} />
      </Routes>
    </div>
  );
}
